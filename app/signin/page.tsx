import type { Metadata } from 'next'
import { SignInForm } from '@/components/auth/SignInForm'
import { serverConfig } from '@/lib/config/server'
import { safeCallbackPath } from '@/lib/http'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { title: 'Sign in', robots: { index: false, follow: false } }

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> }

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error } = await searchParams
  const github = Boolean(serverConfig.github)
  return (
    <>
      <h1>Sign in</h1>
      <p>Authors sign in to read drafts and scheduled posts before they are published.</p>
      <SignInForm callbackUrl={safeCallbackPath(callbackUrl)} github={github} initialError={error ? 'Sign-in did not work. Try again.' : undefined} />
      <noscript>
        <p>Signing in needs JavaScript. Reading the blog does not.</p>
      </noscript>
    </>
  )
}
