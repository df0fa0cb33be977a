import 'server-only'
import type { Page, Post } from '../content'
import { getPublishedPage, getPublishedPost, getPublishedPosts, getTag, paginate, parsePageNumber } from '../content/server'
import { isServablePageSlug, isValidPostSlug } from '../markdown'
import { PAGE_CARD_PREFIX, PAGE_PREFIX, PAGE_SLUG_PREFIXES, POST_CARD_PREFIX, POST_PREFIX, POST_SLUG_PREFIXES, TAG_PREFIX } from '../routes'

function afterPrefix(pathname: string, prefixes: readonly string[]): string | undefined {
  const prefix = prefixes.find((p) => pathname.startsWith(p))
  return prefix === undefined ? undefined : pathname.slice(prefix.length)
}

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
  const pageSlug = afterPrefix(pathname, PAGE_SLUG_PREFIXES)
  if (pageSlug !== undefined) return isServablePageSlug(pageSlug)
  const rest = afterPrefix(pathname, POST_SLUG_PREFIXES)
  return rest === undefined || isValidPostSlug(rest.split('/')[0])
}

function rawSegmentAfter(pathname: string, prefix: string): string | undefined {
  return pathname.startsWith(prefix) ? pathname.slice(prefix.length).split('/')[0] : undefined
}

function segmentAfter(pathname: string, prefix: string): string | undefined {
  const segment = rawSegmentAfter(pathname, prefix)
  return segment === undefined ? undefined : decodeURIComponent(segment)
}

/**
 * Whether a public page or card exists at this path right now. The slug, tag
 * and page routes regenerate in the background (ISR), and Next writes a cache
 * entry for every address it renders, even a 404; answering unknown addresses
 * before the route keeps a crawl of made-up slugs from filling the disk.
 * Uses the one published filter, so a scheduled post passes once it is live.
 */
export function publicPathExists(pathname: string, now: Date = new Date(), posts?: readonly Post[], pages?: readonly Page[]): boolean {
  if (!isRoutablePath(pathname)) return false
  const pageCard = afterPrefix(pathname, [PAGE_CARD_PREFIX])
  if (pageCard !== undefined) return getPublishedPage(pageCard, now, pages) !== undefined
  const slug = segmentAfter(pathname, POST_PREFIX) ?? segmentAfter(pathname, POST_CARD_PREFIX)
  if (slug !== undefined) return getPublishedPost(slug, now, posts) !== undefined
  // getTag reads the address segment as the tag route does, decoding it once.
  const tag = rawSegmentAfter(pathname, TAG_PREFIX)
  if (tag !== undefined) return getTag(tag, now, posts) !== undefined
  const page = segmentAfter(pathname, PAGE_PREFIX)
  if (page !== undefined) {
    const number = parsePageNumber(page)
    return number !== undefined && paginate(getPublishedPosts(now, posts), number) !== undefined
  }
  return true
}
