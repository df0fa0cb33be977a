import Link from 'next/link'

export default function Forbidden() {
  return (
    <>
      <h1>This preview link does not work</h1>
      <p>The link has expired or is not valid. Ask the author for a new preview link.</p>
      <p>
        Authors can <Link prefetch={false} href="/signin">sign in</Link> to read drafts.
      </p>
    </>
  )
}
