'use client'

import { useState } from 'react'

/** next-auth's sign-out: a POST with the CSRF token, then home. */
export function SignOutButton() {
  const [busy, setBusy] = useState(false)
  async function signOut() {
    setBusy(true)
    const { csrfToken } = (await (await fetch('/api/auth/csrf')).json()) as { csrfToken: string }
    await fetch('/api/auth/signout', { method: 'POST', body: new URLSearchParams({ csrfToken, json: 'true' }) })
    window.location.assign('/')
  }
  return (
    <button type="button" className="button button-primary" onClick={signOut} disabled={busy}>
      Sign out
    </button>
  )
}
