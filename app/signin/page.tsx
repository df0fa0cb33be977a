import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { SignInForm } from '@/components/auth/SignInForm'
import { CSRF_TOKEN_HEADER, SIGN_IN_ERRORS, signInErrorMessage } from '@/lib/auth'
import { serverConfig } from '@/lib/config/server'
import { safeCallbackPath } from '@/lib/http'

export const dynamic = 'force-dynamic'

type Props = { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }> }

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const error = signInErrorMessage(first((await searchParams).error))
  // GOV.UK pattern: the title says there is an error, so screen reader users hear it first.
  return { title: error ? 'Error: Sign in' : 'Sign in', robots: { index: false, follow: false } }
}

export default async function SignInPage({ searchParams }: Props) {
  const query = await searchParams
  // proxy.ts sets the CSRF cookie and passes its token, so the form posts without JavaScript.
  const csrfToken = (await headers()).get(CSRF_TOKEN_HEADER) ?? undefined
  return (
    <>
      <h1>Sign in</h1>
      <p>Authors sign in to read drafts and scheduled posts before they are published.</p>
      <SignInForm
        callbackUrl={safeCallbackPath(first(query.callbackUrl))}
        csrfToken={csrfToken}
        github={Boolean(serverConfig.github)}
        initialError={signInErrorMessage(first(query.error))}
        errorMessages={SIGN_IN_ERRORS}
      />
    </>
  )
}
