'use client'

import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { API, SEARCH, searchUrl } from '@/lib/routes'
import type { SearchResponse } from '@/lib/search'
import { SearchResults, searchStatus } from './SearchResults'

const DEBOUNCE_MS = 150
const EMPTY: SearchResponse = { query: '', total: 0, results: [] }
/** How often to ask again while the server says its index is still loading (503 with Retry-After). */
const MAX_RETRIES = 5
const STARTING_UP = 'Search is starting up. Results will appear in a moment.'

type Props = {
  initialQuery: string
  initialResponse: SearchResponse | null
  initialError: string | null
  /** The server's limits (lib/search), passed in so this island imports no search code. */
  maxQueryLength: number
  resultLimit: number
  /** Set when the server could not search yet (its index was loading): the island asks again after this many seconds. */
  retryAfterSeconds?: number
}

/**
 * The search page's form. The server renders it with results, so it works as a
 * plain GET form without JavaScript; once hydrated it searches as you type.
 * It fetches /api/search and never imports content, so no draft can reach the browser.
 */
export function SearchBox({ initialQuery, initialResponse, initialError, maxQueryLength, resultLimit, retryAfterSeconds }: Props) {
  const [query, setQuery] = useState(initialQuery)
  const [response, setResponse] = useState<SearchResponse>(initialResponse ?? EMPTY)
  const [error, setError] = useState(initialError)
  const inputRef = useRef<HTMLInputElement>(null)
  const resultsRef = useRef<HTMLDivElement>(null)
  const inFlight = useRef<AbortController | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  useEffect(() => {
    // The page was rendered while the index loaded: ask again once the server said it would be ready.
    if (retryAfterSeconds !== undefined && initialQuery) retryLater(initialQuery, retryAfterSeconds, 1)
    return () => {
      clearTimeout(timer.current)
      inFlight.current?.abort()
    }
    // Once, on hydration; later searches schedule their own retries.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  function retryLater(text: string, seconds: number, attempt: number) {
    setError(STARTING_UP)
    clearTimeout(timer.current)
    timer.current = setTimeout(() => void search(text, attempt), Math.min(Math.max(seconds, 1), 10) * 1000)
  }

  async function search(text: string, attempt = 0) {
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
      } else if (answer.status === 503 && attempt < MAX_RETRIES) {
        setResponse(EMPTY)
        retryLater(text, Number(answer.headers.get('retry-after')) || 1, attempt + 1)
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
