'use client'

import Link from 'next/link'
import { useEffect, useState } from 'react'
import { SIGNED_IN_HINT_COOKIE } from '@/lib/auth-hint'

/**
 * Shows the signed-in author and a drafts link. Readers never signed in have
 * no hint cookie, so their pages make no session request at all.
 */
export function AuthStatus() {
  const [name, setName] = useState<string | null>(null)
  useEffect(() => {
    if (!document.cookie.split('; ').some((cookie) => cookie.startsWith(`${SIGNED_IN_HINT_COOKIE}=`))) return
    const controller = new AbortController()
    fetch('/api/auth/session', { signal: controller.signal })
      .then((response) => response.json())
      .then((session: { user?: { name?: string; email?: string } }) => setName(session.user?.name ?? session.user?.email ?? null))
      .catch(() => undefined)
    return () => controller.abort()
  }, [])
  if (!name) return null
  return (
    <p className="auth-status">
      Signed in as {name} · <Link prefetch={false} href="/drafts">Drafts</Link> · <Link prefetch={false} href="/signout">Sign out</Link>
    </p>
  )
}
