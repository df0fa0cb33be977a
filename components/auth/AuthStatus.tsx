'use client'

import { useEffect, useState } from 'react'
import { Link } from '@/components/Link'
import { API, DRAFTS, SIGN_OUT } from '@/lib/routes'

/**
 * Shows the signed-in author and a drafts link. Readers never signed in have
 * no hint cookie (its name comes from the server, lib/auth), so their pages
 * make no session request at all.
 */
export function AuthStatus({ hintCookie, words }: { hintCookie: string; words: { signedInAs: string; drafts: string; signOut: string } }) {
  const [name, setName] = useState<string | null>(null)
  useEffect(() => {
    if (!document.cookie.split('; ').some((cookie) => cookie.startsWith(`${hintCookie}=`))) return
    const controller = new AbortController()
    fetch(API.auth.session, { signal: controller.signal })
      .then((response) => response.json())
      .then((session: { user?: { name?: string; email?: string } }) => setName(session.user?.name ?? session.user?.email ?? null))
      .catch(() => undefined)
    return () => controller.abort()
  }, [hintCookie])
  if (!name) return null
  return (
    <p className="auth-status">
      {words.signedInAs.replace('{name}', name)} · <Link href={DRAFTS}>{words.drafts}</Link> · <Link href={SIGN_OUT}>{words.signOut}</Link>
    </p>
  )
}
