'use client'

import { useState, type FormEvent } from 'react'
import { API } from '@/lib/routes'

type Props = { callbackUrl: string; initialError?: string; github?: boolean }

/**
 * Drives next-auth's own credentials flow: fetch the CSRF token, post the
 * form with it, then follow the callback URL. Reports 401 and 429 in words.
 */
export function SignInForm({ callbackUrl, initialError, github = false }: Props) {
  const [error, setError] = useState<string | undefined>(initialError)
  const [busy, setBusy] = useState(false)

  async function csrfToken(): Promise<string> {
    return ((await (await fetch(API.auth.csrf)).json()) as { csrfToken: string }).csrfToken
  }

  async function signInWithGitHub() {
    const body = new URLSearchParams({ csrfToken: await csrfToken(), callbackUrl, json: 'true' })
    const response = await fetch(API.auth.gitHubSignIn, { method: 'POST', body })
    const result = (await response.json().catch(() => ({}))) as { url?: string }
    if (result.url) window.location.assign(result.url)
    else setError('GitHub sign-in is not available right now.')
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      const form = new FormData(event.currentTarget)
      const body = new URLSearchParams({
        csrfToken: await csrfToken(),
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
        callbackUrl,
        json: 'true',
      })
      const response = await fetch(API.auth.credentials, { method: 'POST', body })
      const result = (await response.json().catch(() => ({}))) as { url?: string; error?: string }
      if (response.status === 429) return setError(result.error ?? 'Too many attempts. Try again later.')
      if (!response.ok || !result.url || new URL(result.url, window.location.href).searchParams.has('error')) {
        return setError('The email or password is not right.')
      }
      window.location.assign(callbackUrl)
    } catch {
      setError('Could not reach the server. Check your connection and try again.')
    } finally {
      setBusy(false)
    }
  }

  return (
    <form method="post" action={API.auth.credentials} onSubmit={submit} noValidate>
      {error ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>There is a problem</h2>
          <p>{error}</p>
        </div>
      ) : null}
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
      {github ? (
        <p>
          <button type="button" className="button" onClick={signInWithGitHub}>
            Sign in with GitHub
          </button>
        </p>
      ) : null}
    </form>
  )
}
