import { Link } from '@/components/Link'
import { ARCHIVE, HOME, SEARCH } from '@/lib/routes'

export const metadata = { title: 'Page not found', robots: { index: false } }

export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>If you typed the web address, check it is correct.</p>
      <p>If you pasted the web address, check you copied the entire address.</p>
      <p>
        You can <Link href={SEARCH}>search this site</Link>, browse the <Link href={ARCHIVE}>archive</Link> or go to the{' '}
        <Link href={HOME}>home page</Link>.
      </p>
    </>
  )
}
