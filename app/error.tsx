'use client'

/**
 * What a reader sees when a page fails to render (the content store cannot be
 * read, say), inside the site's frame: the header and footer come from the
 * layout, which did not fail. Next renders an error boundary in the browser
 * only, so this needs JavaScript; everything it offers is a plain link, which
 * works whatever state the page is in. The server's log has the error; the
 * reader gets its reference, to quote if they report it.
 */
import { usePathname } from 'next/navigation'
import { ARCHIVE, HOME, SEARCH } from '@/lib/routes'

export default function PageError({ error }: { error: Error & { digest?: string } }) {
  const pathname = usePathname()
  return (
    <>
      <title>Sorry, there is a problem with this page</title>
      <h1>Sorry, there is a problem with this page</h1>
      <p>Something went wrong on our side, not yours. Nothing you entered has been lost.</p>
      <p>
        <a href={pathname}>Try the page again</a> in a few minutes.
      </p>
      <p>
        Meanwhile you can <a href={SEARCH}>search this site</a>, browse the <a href={ARCHIVE}>archive</a> or go to the <a href={HOME}>home page</a>.
      </p>
      {error.digest ? <p className="meta">If you tell us about it, quote this reference: {error.digest}</p> : null}
    </>
  )
}
