'use client'

import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { SignInErrorCode } from '@/lib/auth'
import { API } from '@/lib/routes'

type Props = {
  callbackUrl: string
  csrfToken?: string
  initialError?: string
  github?: boolean
  /** What to say for each error code (lib/auth), passed in so this island imports no auth code. */
  errorMessages: Readonly<Record<SignInErrorCode, string>>
}

/**
 * next-auth's credentials form. Without JavaScript it is a plain form post
 * (the server rendered the CSRF token into it, and answers with a redirect
 * to the callback or back here with the error). With JavaScript it posts in
 * the background and reports 401 and 429 in words without a page load.
 */
export function SignInForm({ callbackUrl, csrfToken, initialError, github = false, errorMessages }: Props) {
  const [error, setError] = useState<string | undefined>(initialError)
  const [busy, setBusy] = useState(false)
  const summary = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (error) summary.current?.focus()
  }, [error])

  /** Only the known codes' words are ever shown; anything else gets the generic message. */
  const messageFor = (code: string | null) =>
    code && Object.hasOwn(errorMessages, code) ? errorMessages[code as SignInErrorCode] : errorMessages.Default

  async function currentCsrfToken(): Promise<string> {
    if (csrfToken) return csrfToken
    return ((await (await fetch(API.auth.csrf)).json()) as { csrfToken: string }).csrfToken
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      const form = new FormData(event.currentTarget)
      const body = new URLSearchParams({
        csrfToken: await currentCsrfToken(),
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
        callbackUrl,
        json: 'true',
      })
      const response = await fetch(API.auth.credentials, { method: 'POST', body })
      const result = (await response.json().catch(() => ({}))) as { url?: string; error?: string }
      if (response.status === 429 || response.status === 503) return setError(result.error ?? messageFor(null))
      const errorCode = result.url ? new URL(result.url, window.location.href).searchParams.get('error') : 'Default'
      if (!response.ok || errorCode) return setError(messageFor(errorCode))
      // callbackUrl was checked on the server (same origin, a path): never the URL the response names.
      window.location.assign(callbackUrl)
    } catch {
      setError('Could not reach the server. Check your connection and try again.')
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <form method="post" action={API.auth.credentials} onSubmit={submit} noValidate>
        {error ? (
          <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={summary}>
            <h2 id="error-summary-title">There is a problem</h2>
            <ul>
              <li>
                <a href="#email">{error}</a>
              </li>
            </ul>
          </div>
        ) : null}
        {csrfToken ? <input type="hidden" name="csrfToken" value={csrfToken} /> : null}
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <div className="field">
          <label htmlFor="email">Email</label>
          <input id="email" name="email" type="email" autoComplete="username" required spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {github ? (
        // A plain form post: next-auth answers with a redirect to GitHub, with or without JavaScript.
        <form method="post" action={API.auth.gitHubSignIn}>
          {csrfToken ? <input type="hidden" name="csrfToken" value={csrfToken} /> : null}
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <p>
            <button type="submit" className="button">
              Sign in with GitHub
            </button>
          </p>
        </form>
      ) : null}
    </>
  )
}
