import { Link } from '@/components/Link'
import { SIGN_IN } from '@/lib/routes'

export default function Forbidden() {
  return (
    <>
      <h1>This preview link does not work</h1>
      <p>The link has expired or is not valid. Ask the author for a new preview link.</p>
      <p>
        Authors can <Link href={SIGN_IN}>sign in</Link> to read drafts.
      </p>
    </>
  )
}
