/**
 * The site's redirects, answered by proxy.ts rather than next.config.ts so
 * they carry the security headers like every other response.
 */
import { HOME, PAGE_PREFIX, postUrl } from '../routes'

export type Redirect = { destination: string; status: 307 | 308 }

const WORDPRESS_PERMALINK = /^\/\d{4}\/\d{2}\/\d{2}\/([^/]+)\/?$/

/** `/about` is no longer here: the About page answers it (it used to go to the default author's profile, with a 307 no cache kept). */
export function redirectFor(pathname: string): Redirect | undefined {
  // Old WordPress permalinks, with or without the trailing slash, go to the post in one hop.
  const permalink = WORDPRESS_PERMALINK.exec(pathname)
  if (permalink) return { destination: postUrl({ slug: permalink[1] }), status: 308 }
  if (pathname === `${PAGE_PREFIX}1`) return { destination: HOME, status: 308 }
  // A page's old WordPress address (/about/, /services/contact/) reaches it in this one hop.
  if (pathname.length > 1 && pathname.endsWith('/')) return { destination: pathname.replace(/\/+$/, '') || HOME, status: 308 }
  return undefined
}
