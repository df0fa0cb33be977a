import 'server-only'
import { site } from '../config'
import type { Page, Post } from '../content'
import {
  getArchiveYear,
  getAuthor,
  getPostsByAuthor,
  getPostsByTag,
  getPublishedPage,
  getPublishedPost,
  getPublishedPosts,
  getTag,
  pageCount,
  parsePageNumber,
} from '../content/server'
import { isServablePageSlug, isValidPostSlug } from '../markdown'
import { COMMENTS_SEGMENT, PAGE_CARD_PREFIX, PAGE_SLUG_PREFIXES, POST_SLUG_PREFIXES } from '../routes'
import { parseSitemapPart, sitemapEntries, sitemapPartCount } from '../seo'

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

/** Whether `…/page/<segment>` names a page of a listing of `count` items. */
function pageExists(count: number, segment: string | undefined, perPage: number = site.postsPerPage): boolean {
  const page = segment === undefined ? undefined : parsePageNumber(segment)
  return page !== undefined && page <= pageCount(count, perPage)
}

/**
 * Below a post, a later page of its comments (`comments/page/<n>`, n from 2) renders on first request and is
 * cached, so only a well-formed number passes; how many pages there are is the page's to say (a 404), which
 * costs a store read this guard does not make. Other sub-paths (pictures, the comment form) pass.
 */
function commentPageExists(rest: readonly string[]): boolean {
  if (rest[0] !== COMMENTS_SEGMENT || rest[1] !== 'page') return true
  const page = rest.length === 3 ? parsePageNumber(rest[2]) : undefined
  return page !== undefined && page >= 2 && page <= MAX_COMMENT_PAGES
}

/** More pages of comments than any post has (COMMENT_LIMITS.perPage a page). */
const MAX_COMMENT_PAGES = 1000

/** `<first page>` alone, or `<first page>/page/<n>` within the listing's pages. */
function listingExists(rest: readonly string[], count: number, perPage?: number): boolean {
  if (rest.length === 0) return true
  return rest.length === 2 && rest[0] === 'page' && pageExists(count, rest[1], perPage)
}

/**
 * Whether a public page or card exists at this path right now. The slug, tag,
 * year and page routes render on first request and are cached (ISR), and Next
 * writes a cache entry for every address it renders, even a 404; answering
 * unknown addresses before the route keeps a crawl of made-up slugs from
 * filling the disk. Uses the one published filter, so a scheduled post passes
 * once it is live. Reads post metadata only, from listings built once per change.
 */
export function publicPathExists(pathname: string, now: Date = new Date(), posts?: readonly Post[], pages?: readonly Page[]): boolean {
  if (!isRoutablePath(pathname)) return false
  const pageCard = afterPrefix(pathname, [PAGE_CARD_PREFIX])
  if (pageCard !== undefined) return getPublishedPage(pageCard, now, pages) !== undefined
  // Segments as sent; each case decodes its own (getTag reads the tag's as the tag route does, decoding it once).
  const [first, ...raw] = pathname.split('/').slice(1)
  const rest = raw.map((segment) => decodeURIComponent(segment))
  switch (first) {
    case 'posts':
      return getPublishedPost(rest[0] ?? '', now, posts) !== undefined && commentPageExists(rest.slice(1))
    case 'og':
      return rest[0] !== 'posts' || getPublishedPost(rest[1] ?? '', now, posts) !== undefined
    case 'page':
      return rest.length === 1 && pageExists(getPublishedPosts(now, posts).length, rest[0])
    case 'tags': {
      if (rest.length === 0) return true
      const tag = getTag(raw[0], now, posts)
      return tag !== undefined && listingExists(rest.slice(1), getPostsByTag(tag.slug, now, posts).length)
    }
    case 'archive': {
      if (rest.length === 0) return true
      const count = /^\d{4}$/.test(rest[0]) ? getArchiveYear(rest[0], now, posts).length : 0
      return count > 0 && listingExists(rest.slice(1), count, site.archivePerPage)
    }
    case 'authors': {
      const author = getAuthor(rest[0] ?? '')
      return author !== undefined && listingExists(rest.slice(1), getPostsByAuthor(author.id, now, posts).length)
    }
    case 'sitemaps': {
      const part = rest.length === 1 ? parseSitemapPart(rest[0]) : undefined
      return part !== undefined && part <= sitemapPartCount(sitemapEntries(now))
    }
    default:
      return true
  }
}
