import type { Metadata } from 'next'
import { SignOutButton } from '@/components/auth/SignOutButton'

export const metadata: Metadata = { title: 'Sign out', robots: { index: false, follow: false } }

export default function SignOutPage() {
  return (
    <>
      <h1>Sign out</h1>
      <p>Sign out of the author area on this device.</p>
      <SignOutButton />
    </>
  )
}
