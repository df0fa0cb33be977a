import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { SignOutButton } from '@/components/auth/SignOutButton'
import { CSRF_TOKEN_HEADER } from '@/lib/auth'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { title: 'Sign out', robots: { index: false, follow: false } }

export default async function SignOutPage() {
  // proxy.ts sets the CSRF cookie and passes its token, so the button works without JavaScript.
  const csrfToken = (await headers()).get(CSRF_TOKEN_HEADER) ?? undefined
  return (
    <>
      <h1>Sign out</h1>
      <p>Sign out of the author area. This ends your sessions on every device.</p>
      <SignOutButton csrfToken={csrfToken} />
    </>
  )
}
