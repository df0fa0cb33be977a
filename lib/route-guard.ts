import { getPublishedPost, getPublishedPosts, getTags, paginate, parsePageNumber, type Post } from './content'
import { isValidPostSlug } from './slug'

/** Route prefixes whose next segment is a post slug. */
const POST_SLUG_PREFIXES = ['/posts/', '/og/posts/', '/drafts/']

/**
 * Whether a path could name a page at all. Next answers 500 to a segment that
 * is not valid percent-encoding (`%ff`), so impossible paths are turned away before routing.
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

function segmentAfter(pathname: string, prefix: string): string | undefined {
  return pathname.startsWith(prefix) ? decodeURIComponent(pathname.slice(prefix.length).split('/')[0]) : undefined
}

/**
 * Whether a public page or card exists at this path right now. The slug, tag
 * and page routes regenerate in the background (ISR), and Next writes a cache
 * entry for every address it renders, even a 404; answering unknown addresses
 * before the route keeps a crawl of made-up slugs from filling the disk.
 * Uses the one published filter, so a scheduled post passes once it is live.
 */
export function publicPathExists(pathname: string, now: Date = new Date(), posts?: readonly Post[]): boolean {
  if (!isRoutablePath(pathname)) return false
  const slug = segmentAfter(pathname, '/posts/') ?? segmentAfter(pathname, '/og/posts/')
  if (slug !== undefined) return getPublishedPost(slug, now, posts) !== undefined
  const tag = segmentAfter(pathname, '/tags/')
  if (tag !== undefined) return getTags(now, posts).some((known) => known.slug === tag)
  const page = segmentAfter(pathname, '/page/')
  if (page !== undefined) {
    const number = parsePageNumber(page)
    return number !== undefined && paginate(getPublishedPosts(now, posts), number) !== undefined
  }
  return true
}
