import Link from 'next/link'

export const metadata = { title: 'Page not found', robots: { index: false } }

export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>If you typed the web address, check it is correct.</p>
      <p>If you pasted the web address, check you copied the entire address.</p>
      <p>
        You can <Link prefetch={false} href="/search">search the posts</Link>, browse the <Link prefetch={false} href="/archive">archive</Link> or go to the{' '}
        <Link prefetch={false} href="/">home page</Link>.
      </p>
    </>
  )
}
