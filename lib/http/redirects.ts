/**
 * The site's redirects, answered by proxy.ts rather than next.config.ts so
 * they carry the security headers like every other response. An address is
 * read once, in its plain form (plainPath), so `/page/%31` goes where `/page/1`
 * goes instead of reaching the route guard, which would decode it and let the
 * page route render page 1 as a 404.
 */
import { HOME, PAGE_PREFIX, PAGED_LISTING_PREFIXES, postUrl } from '../routes'

export type Redirect = { destination: string; status: 307 | 308 }

const WORDPRESS_PERMALINK = /^\/\d{4}\/\d{2}\/\d{2}\/([^/]+)\/?$/

const FIRST_PAGE = `${PAGE_PREFIX}1`

/** `/tags/x/page/1` → `/tags/x`: the first page of a listing is the listing's own address. */
function firstPageOf(pathname: string): string | undefined {
  if (!pathname.endsWith(FIRST_PAGE)) return undefined
  const first = pathname.slice(0, -FIRST_PAGE.length)
  const prefix = PAGED_LISTING_PREFIXES.find((listing) => first.startsWith(listing))
  return prefix && first.length > prefix.length && !first.slice(prefix.length).includes('/') ? first : undefined
}

/** RFC 3986's unreserved characters, whose meaning percent-encoding never changes; not `.`, which could make a `..` segment. */
const ENCODED_UNRESERVED = /%(?:[46][1-9a-f]|[57][0-9a]|3[0-9]|2d|5f|7e)/gi

/**
 * The address with letters, digits and `-_~` written plainly: `/page/%31` is `/page/1`. Everything
 * else stays encoded (a `/` or `%` in a segment, a tag in another script), and so does an invalid
 * escape, for the route guard to refuse.
 */
export function plainPath(pathname: string): string {
  return pathname.replace(ENCODED_UNRESERVED, (escape) => decodeURIComponent(escape))
}

/**
 * Where an address is sent instead, if anywhere: to its plain form's destination, or to the plain form
 * itself, in one hop. `/about` is no longer here: the About page answers it (it used to go to the default
 * author's profile, with a 307 no cache kept).
 */
export function redirectFor(address: string): Redirect | undefined {
  const pathname = plainPath(address)
  const redirect = redirectOfPlainPath(pathname)
  if (redirect) return redirect
  return pathname === address ? undefined : { destination: pathname, status: 308 }
}

function redirectOfPlainPath(pathname: string): Redirect | undefined {
  // Old WordPress permalinks, with or without the trailing slash, go to the post in one hop.
  const permalink = WORDPRESS_PERMALINK.exec(pathname)
  if (permalink) return { destination: postUrl({ slug: permalink[1] }), status: 308 }
  if (pathname === FIRST_PAGE) return { destination: HOME, status: 308 }
  const first = firstPageOf(pathname)
  if (first) return { destination: first, status: 308 }
  // A page's old WordPress address (/about/, /services/contact/) reaches it in this one hop.
  if (pathname.length > 1 && pathname.endsWith('/')) return { destination: pathname.replace(/\/+$/, '') || HOME, status: 308 }
  return undefined
}
