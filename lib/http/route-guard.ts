/**
 * The route guard proxy.ts runs before the dynamic routes: whether an address
 * can name anything, and whether what it names exists now. It spells no route
 * of its own: the route comes from lib/routes.ts's table, what a document
 * route's `[slug]` must be from the document kinds (lib/documents), and
 * whether a listing page exists from the lookup the listing's route makes
 * itself (lib/content's findListingPage).
 */
import 'server-only'
import type { Page, Post } from '../content'
import { findListingPage, getPublishedDocument } from '../content/server'
import { DOCUMENT_KINDS, type AnyDocumentKind } from '../documents'
import { GUARDED_PREFIXES, matchRoute, routeSegments, type RouteMatch } from '../routes'
import { parseSitemapPart, sitemapEntries, sitemapPartCount } from '../seo'

/** The kind a route carries the slug of, and whether it shows the published document or previews a draft. */
function documentRouteOf(pattern: string): { kind: AnyDocumentKind; published: boolean } | undefined {
  for (const kind of DOCUMENT_KINDS) {
    for (const [role, route] of Object.entries(kind.routes)) {
      // A route below a document's own (a post's pictures) is as public as the document.
      if (pattern === route || pattern.startsWith(`${route}/`)) return { kind, published: role !== 'draft' }
    }
  }
  return undefined
}

/** A route that starts with its dynamic segment (pages at `/<slug>`) takes every address; Next answers those itself. */
const takesEveryAddress = (match: RouteMatch) => routeSegments(match.route.pattern)[0]?.startsWith('[') === true

/**
 * Whether a path could name a page at all. Next answers 500 to a segment that
 * is not valid percent-encoding (`%ff`), so impossible paths are turned away
 * before routing; so is a document route whose slug its kind could never have.
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
  const match = matchRoute(pathname)
  const document = match && !takesEveryAddress(match) ? documentRouteOf(match.route.pattern) : undefined
  const slug = match?.params.slug?.join('/')
  return !document || (slug !== undefined && document.kind.slugProblem(slug) === undefined)
}

/**
 * Whether a public page or card exists at this path right now. The slug, tag,
 * year and page routes render on first request and are cached (ISR), and Next
 * writes a cache entry for every address it renders, even a 404; answering
 * unknown addresses before the route keeps a crawl of made-up slugs from
 * filling the disk. Uses the one published filter, so a scheduled post passes
 * once it is live. A draft route only needs a slug of the right shape: it
 * checks who is asking itself. Reads metadata only, from listings built once
 * per change.
 */
export function publicPathExists(pathname: string, now: Date = new Date(), posts?: readonly Post[], pages?: readonly Page[]): boolean {
  if (!isRoutablePath(pathname)) return false
  if (!GUARDED_PREFIXES.some((prefix) => pathname.startsWith(prefix))) return true
  const match = matchRoute(pathname)
  // Below a guarded prefix, but none of its routes: Next would try the pages' catch-all, which has no such page.
  if (!match || takesEveryAddress(match)) return false
  const { route, params } = match
  const document = documentRouteOf(route.pattern)
  if (document) {
    const lists: Record<AnyDocumentKind['folder'], readonly (Post | Page)[] | undefined> = { posts, pages }
    const list = lists[document.kind.folder] as never
    return !document.published || getPublishedDocument(document.kind, params.slug.join('/'), now, list) !== undefined
  }
  if (route.listing) {
    const [key] = Object.entries(params).find(([name]) => name !== 'page')?.[1] ?? []
    return findListingPage(route.listing, key, params.page?.[0], now, posts) !== undefined
  }
  if (route.sitemapPart) {
    const part = parseSitemapPart(Object.values(params)[0][0])
    return part !== undefined && part <= sitemapPartCount(sitemapEntries(now))
  }
  return true
}
