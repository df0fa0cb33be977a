'use client'

import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { API, SEARCH, searchUrl } from '@/lib/routes'
import type { SearchResponse } from '@/lib/search'
import { SearchResults, searchStatus } from './SearchResults'

const DEBOUNCE_MS = 150
const EMPTY: SearchResponse = { query: '', total: 0, results: [] }

type Props = {
  initialQuery: string
  initialResponse: SearchResponse | null
  initialError: string | null
  /** The server's limits (lib/search), passed in so this island imports no search code. */
  maxQueryLength: number
  resultLimit: number
}

/**
 * The search page's form. The server renders it with results, so it works as a
 * plain GET form without JavaScript; once hydrated it searches as you type.
 * It fetches /api/search and never imports content, so no draft can reach the browser.
 */
export function SearchBox({ initialQuery, initialResponse, initialError, maxQueryLength, resultLimit }: Props) {
  const [query, setQuery] = useState(initialQuery)
  const [response, setResponse] = useState<SearchResponse>(initialResponse ?? EMPTY)
  const [error, setError] = useState(initialError)
  const inputRef = useRef<HTMLInputElement>(null)
  const resultsRef = useRef<HTMLDivElement>(null)
  const inFlight = useRef<AbortController | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  useEffect(
    () => () => {
      clearTimeout(timer.current)
      inFlight.current?.abort()
    },
    [],
  )

  async function search(text: string) {
    clearTimeout(timer.current)
    inFlight.current?.abort()
    const q = text.trim()
    // The address follows the box, so reloading or sharing it shows the same results.
    window.history.replaceState(null, '', searchUrl(q))
    if (!q) {
      setResponse(EMPTY)
      setError(null)
      return
    }
    const controller = new AbortController()
    inFlight.current = controller
    try {
      const answer = await fetch(API.search(q, resultLimit), { signal: controller.signal })
      const body = await answer.json()
      if (answer.ok) {
        setResponse(body as SearchResponse)
        setError(null)
      } else {
        setResponse(EMPTY)
        setError(typeof body.error === 'string' ? body.error : 'That search could not be run.')
      }
    } catch (failure) {
      if (controller.signal.aborted) return
      setError('Search is not available right now. Press Search to try again.')
      console.error(failure)
    }
  }

  function onChange(text: string) {
    setQuery(text)
    clearTimeout(timer.current)
    timer.current = setTimeout(() => void search(text), DEBOUNCE_MS)
  }

  function links(): HTMLAnchorElement[] {
    return Array.from(resultsRef.current?.querySelectorAll<HTMLAnchorElement>('a.search-result-link') ?? [])
  }

  /** Arrow keys walk from the box through the result links and back; Enter on a link opens it as usual. */
  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    const all = links()
    if (all.length === 0) return
    const at = all.indexOf(document.activeElement as HTMLAnchorElement)
    const next = event.key === 'ArrowDown' ? Math.min(at + 1, all.length - 1) : at - 1
    event.preventDefault()
    if (next < 0) inputRef.current?.focus()
    else all[next].focus()
  }

  const status = error ?? searchStatus(response.query, response.total, response.results.length)
  return (
    <div onKeyDown={onKeyDown}>
      <form
        role="search"
        aria-label="Search this site"
        action={SEARCH}
        method="get"
        className="search-form search-page-form"
        onSubmit={(event) => {
          event.preventDefault()
          void search(query)
        }}
      >
        <label htmlFor="search-query" className="visually-hidden">
          Search this site
        </label>
        <input
          ref={inputRef}
          id="search-query"
          type="search"
          name="q"
          value={query}
          maxLength={maxQueryLength}
          autoComplete="off"
          spellCheck={false}
          aria-controls="search-results"
          aria-describedby="search-hint"
          onChange={(event) => onChange(event.target.value)}
        />
        <button type="submit" className="button">
          Search
        </button>
      </form>
      <p id="search-hint" className="meta">
        Finds words in the titles, tags, summaries and text of posts and pages, even half-typed or misspelt.
      </p>
      <div role="status" aria-live="polite" aria-atomic="true" className="search-status">
        {status ? <h2 className={error ? 'error-summary' : undefined}>{status}</h2> : null}
      </div>
      {/* Always present, so the box's aria-controls points at something even before the first result. */}
      <div ref={resultsRef} id="search-results">
        <SearchResults results={error ? [] : response.results} />
      </div>
    </div>
  )
}
