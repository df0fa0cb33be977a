'use client'

import { useState, type FormEvent } from 'react'
import { API, HOME } from '@/lib/routes'

/**
 * next-auth's sign-out: a form post with the CSRF token the server rendered
 * (works without JavaScript; next-auth redirects home). With JavaScript it
 * posts in the background, then goes home.
 */
export function SignOutButton({ csrfToken }: { csrfToken?: string }) {
  const [busy, setBusy] = useState(false)
  async function signOut(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setBusy(true)
    const token = csrfToken ?? ((await (await fetch(API.auth.csrf)).json()) as { csrfToken: string }).csrfToken
    await fetch(API.auth.signOut, { method: 'POST', body: new URLSearchParams({ csrfToken: token, callbackUrl: HOME, json: 'true' }) })
    // A full load, not a client navigation, so the header's island forgets the session.
    window.location.assign(HOME)
  }
  return (
    <form method="post" action={API.auth.signOut} onSubmit={signOut}>
      {csrfToken ? <input type="hidden" name="csrfToken" value={csrfToken} /> : null}
      <input type="hidden" name="callbackUrl" value={HOME} />
      <button type="submit" className="button button-primary" disabled={busy}>
        Sign out
      </button>
    </form>
  )
}
