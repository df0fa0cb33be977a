import { isValidPostSlug } from './slug'

/** Route prefixes whose next segment is a post slug. */
const POST_SLUG_PREFIXES = ['/posts/', '/og/posts/', '/drafts/']

/**
 * Whether a path could name a page at all. Next answers 500 to a segment that
 * is not valid percent-encoding (`%ff`) and writes an ISR cache file named
 * after any slug, so impossible paths are turned away before routing.
 */
export function isRoutablePath(pathname: string): boolean {
  if (pathname.length > 1000) return false
  for (const segment of pathname.split('/')) {
    if (segment.length > 200) return false
    try {
      decodeURIComponent(segment)
    } catch {
      return false
    }
  }
  const prefix = POST_SLUG_PREFIXES.find((p) => pathname.startsWith(p))
  if (!prefix) return true
  const slug = pathname.slice(prefix.length).split('/')[0]
  return isValidPostSlug(slug)
}
