'use client'

import { useState } from 'react'
import { API, HOME } from '@/lib/routes'

/** next-auth's sign-out: a POST with the CSRF token, then home. */
export function SignOutButton() {
  const [busy, setBusy] = useState(false)
  async function signOut() {
    setBusy(true)
    const { csrfToken } = (await (await fetch(API.auth.csrf)).json()) as { csrfToken: string }
    await fetch(API.auth.signOut, { method: 'POST', body: new URLSearchParams({ csrfToken, json: 'true' }) })
    // A full load, not a client navigation, so the header's island forgets the session.
    window.location.assign(HOME)
  }
  return (
    <button type="button" className="button button-primary" onClick={signOut} disabled={busy}>
      Sign out
    </button>
  )
}
