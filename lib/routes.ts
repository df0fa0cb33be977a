/**
 * Every address the site answers, in one table, and every address built from
 * it. No imports, so client islands, next.config.ts and scripts can all use
 * it. The table is the app/ folder's routes (a unit test holds the two
 * equal); from it come the names a page may not take, the prefixes proxy.ts
 * guards, and the listings whose `/page/1` redirects. What a route's dynamic
 * segments must name to exist is decided once, by the route guard
 * (lib/http/server.ts), from this table and the document kinds (lib/documents),
 * with the same lookups the route itself makes.
 *
 * Tag paths take the tag's slug (lib/markdown's slugify), not its name, and
 * percent-encode it, since a tag's slug keeps letters of any script.
 */

/** A listing of posts: its first page at its own address, later ones at `<first>/page/N`. */
export type ListingName = 'home' | 'tag' | 'year' | 'author'

/**
 * One route, as app/ spells its folder (`/tags/[tag]/page/[page]`; `[...slug]`
 * takes the rest of the address). `listing` says which listing a paged route
 * shows, so the guard can check its key and page number; `sitemapPart` that
 * its file is a part of the sitemap. A document kind's routes (below) need no
 * more: the kind says what its `[slug]` must be.
 */
export type Route = { pattern: string; listing?: ListingName; sitemapPart?: true }

/** A post's addresses: where it is read, its card, and where an author previews it; its pictures live below the first and the last. */
export const POST_ROUTES = { page: '/posts/[slug]', card: '/og/posts/[slug]', draft: '/drafts/[slug]' } as const

/** A page's addresses: `/<slug>`, a child page's slug holding its parent's. */
export const PAGE_ROUTES = { page: '/[...slug]', card: '/og/pages/[...slug]', draft: '/drafts/pages/[...slug]' } as const

/** Each listing's first page and its later pages. */
export const LISTING_ROUTES: Readonly<Record<ListingName, { first: string; later: string }>> = {
  home: { first: '/', later: '/page/[page]' },
  tag: { first: '/tags/[tag]', later: '/tags/[tag]/page/[page]' },
  year: { first: '/archive/[year]', later: '/archive/[year]/page/[page]' },
  author: { first: '/authors/[id]', later: '/authors/[id]/page/[page]' },
}

/** Every route the app answers. */
export const ROUTES: readonly Route[] = [
  ...Object.entries(LISTING_ROUTES).flatMap(([listing, { first, later }]) => [
    { pattern: first, listing: listing as ListingName },
    { pattern: later, listing: listing as ListingName },
  ]),
  ...[POST_ROUTES, PAGE_ROUTES].flatMap(({ page, card, draft }) => [page, card, draft].map((pattern) => ({ pattern }))),
  { pattern: '/sitemaps/[file]', sitemapPart: true },
  ...[
    `${POST_ROUTES.page}/images/[file]`,
    `${POST_ROUTES.draft}/images/[file]`,
    '/tags',
    '/archive',
    '/og/site',
    '/drafts',
    '/search',
    '/signin',
    '/signout',
    '/feed.xml',
    '/atom.xml',
    '/feed.json',
    '/sitemap.xml',
    '/robots.txt',
    '/icon.svg',
    '/api/search',
    '/api/drafts',
    '/api/drafts/[slug]/share',
    '/api/auth/[...nextauth]',
  ].map((pattern) => ({ pattern })),
]

/** A route's pattern as segments: `/tags/[tag]` → ['tags', '[tag]']; the home page has none. */
export function routeSegments(pattern: string): string[] {
  return pattern.split('/').filter(Boolean)
}

const isDynamic = (segment: string) => segment.startsWith('[')
const isCatchAll = (segment: string) => segment.startsWith('[...')

/** The part of a pattern before its first dynamic segment, with a trailing slash: `/tags/[tag]` → `/tags/`. */
function staticPrefix(pattern: string): string {
  const segments = routeSegments(pattern)
  const at = segments.findIndex(isDynamic)
  return at === -1 ? pattern : `/${segments.slice(0, at).join('/')}${at > 0 ? '/' : ''}`
}

export type RouteMatch = { route: Route; params: Record<string, string[]> }

/**
 * The route an address reaches, as Next chooses it: a static segment before a
 * dynamic one, a dynamic one before the rest of the address. Parameters are
 * as sent (not decoded), a catch-all's as its list of segments.
 */
export function matchRoute(pathname: string, routes: readonly Route[] = ROUTES): RouteMatch | undefined {
  const segments = pathname.split('/').slice(1)
  if (segments.length === 1 && segments[0] === '') segments.pop()
  let best: { match: RouteMatch; rank: number[] } | undefined
  for (const route of routes) {
    const pattern = routeSegments(route.pattern)
    const params: Record<string, string[]> = {}
    const rank: number[] = []
    let matched = true
    for (let i = 0; i < pattern.length && matched; i++) {
      const part = pattern[i]
      if (isCatchAll(part)) {
        matched = segments.length > i
        params[part.slice(4, -1)] = segments.slice(i)
        rank.push(2)
      } else if (i >= segments.length) matched = false
      else if (isDynamic(part)) {
        params[part.slice(1, -1)] = [segments[i]]
        rank.push(1)
      } else {
        matched = part === segments[i]
        rank.push(0)
      }
    }
    if (!matched || (!isCatchAll(pattern.at(-1) ?? '') && pattern.length !== segments.length)) continue
    if (!best || moreSpecific(rank, best.rank)) best = { match: { route, params }, rank }
  }
  return best?.match
}

/** Segment by segment from the left, the first difference decides: static (0) beats dynamic (1) beats the rest of the address (2). */
function moreSpecific(rank: readonly number[], other: readonly number[]): boolean {
  for (let i = 0; i < Math.min(rank.length, other.length); i++) if (rank[i] !== other[i]) return rank[i] < other[i]
  return rank.length > other.length
}

/**
 * The first segment of every address the app answers itself (the folders and
 * files of app/, and Next's own), which a page (`/<slug>`) may not take.
 */
export const RESERVED_TOP_LEVEL_SEGMENTS: readonly string[] = [
  ...new Set(ROUTES.map((route) => routeSegments(route.pattern)[0]).filter((segment) => segment !== undefined && !isDynamic(segment))),
  // Next's own: its error pages and assets.
  '404',
  '500',
  '_next',
  '_not-found',
  'favicon.ico',
].sort()

/**
 * The dynamic routes proxy.ts checks before they render, by the static part
 * of their address: every route with a dynamic segment, since Next would
 * render (and cache) whatever it is given, except one that starts with it
 * (pages at `/<slug>`: built ahead, and Next answers any other address itself).
 * Their matcher reaches every address; a unit test checks it reaches these.
 */
export const GUARDED_PREFIXES: readonly string[] = [
  ...new Set(
    ROUTES.map((route) => staticPrefix(route.pattern)).filter(
      (prefix, i) => prefix !== ROUTES[i].pattern && prefix !== '/' && !prefix.startsWith('/api/'),
    ),
  ),
]
  .filter((prefix, _, all) => !all.some((other) => other !== prefix && prefix.startsWith(other)))
  .sort()

/** Fills a route's dynamic segment with a value (a catch-all takes it whole, slashes and all): `/posts/[slug]` → `/posts/x`. */
export function fillRoute(pattern: string, value: string): string {
  return pattern.replace(/\[(?:\.\.\.)?[^\]]+\]/, value)
}

export const HOME = LISTING_ROUTES.home.first
export const ARCHIVE = '/archive'
export const SEARCH = '/search'
export const SIGN_IN = '/signin'
export const SIGN_OUT = '/signout'
export const SITEMAP = '/sitemap.xml'

export const FEEDS = { rss: '/feed.xml', atom: '/atom.xml', json: '/feed.json' } as const

/** Where an address's next segment is a post slug, a tag slug, an author id or a page number. */
export const POST_PREFIX = staticPrefix(POST_ROUTES.page)
export const TAGS = '/tags'
export const TAG_PREFIX = staticPrefix(LISTING_ROUTES.tag.first)
export const DRAFTS = '/drafts'
export const DRAFT_PREFIX = staticPrefix(POST_ROUTES.draft)
export const AUTHOR_PREFIX = staticPrefix(LISTING_ROUTES.author.first)
export const PAGE_PREFIX = staticPrefix(LISTING_ROUTES.home.later)
export const ARCHIVE_PREFIX = staticPrefix(LISTING_ROUTES.year.first)
export const API_PREFIX = '/api/'

/** Past SITEMAP_MAX_URLS addresses (lib/seo), /sitemap.xml is an index of these parts. */
export const SITEMAP_PART_PREFIX = '/sitemaps/'

/** Open Graph cards: one per post, one per page, and the site's. */
export const CARD_PREFIX = '/og/'
export const SITE_CARD = `${CARD_PREFIX}site`

/** Listings paged under `<first page>/page/N` besides the home page: a tag, a year of the archive, an author. */
export const PAGED_LISTING_PREFIXES: readonly string[] = Object.values(LISTING_ROUTES)
  .map((listing) => staticPrefix(listing.first))
  .filter((prefix) => prefix !== HOME)

export function postUrl(post: { slug: string }): string {
  return fillRoute(POST_ROUTES.page, post.slug)
}

export function postCardPath(slug: string): string {
  return fillRoute(POST_ROUTES.card, slug)
}

/** Percent-encoded, so a tag in any script is a plain ASCII address in links, feeds and the sitemap. */
export function tagUrl(tagSlug: string): string {
  return fillRoute(LISTING_ROUTES.tag.first, encodeURIComponent(tagSlug))
}

export function authorUrl(authorId: string): string {
  return fillRoute(LISTING_ROUTES.author.first, authorId)
}

/** A page (About, the accessibility statement) is served at its slug; a child page's slug holds its parent's. */
export function contentPageUrl(page: { slug: string }): string {
  return fillRoute(PAGE_ROUTES.page, page.slug)
}

/** Where a signed-in author previews a draft page. */
export function pageDraftUrl(page: { slug: string }): string {
  return fillRoute(PAGE_ROUTES.draft, page.slug)
}

export function pageCardPath(slug: string): string {
  return fillRoute(PAGE_ROUTES.card, slug)
}

/** Page 1 of the listing is the home page. */
export function pageUrl(page: number): string {
  return page <= 1 ? HOME : fillRoute(LISTING_ROUTES.home.later, String(page))
}

/**
 * Page `page` of a listing whose first page is `first` (the home page, a tag,
 * a year of the archive, an author): later pages are `<first>/page/N`, and
 * `<first>/page/1` redirects to `<first>` (lib/http/redirects.ts).
 */
export function listingPageUrl(first: string, page: number): string {
  if (first === HOME) return pageUrl(page)
  return page <= 1 ? first : `${first}${PAGE_PREFIX}${page}`
}

/** A year of the archive, and its later pages. */
export function archiveYearUrl(year: string, page: number = 1): string {
  return listingPageUrl(fillRoute(LISTING_ROUTES.year.first, year), page)
}

export function sitemapPartUrl(part: number): string {
  return `${SITEMAP_PART_PREFIX}${part}.xml`
}

export function draftUrl(slug: string): string {
  return fillRoute(POST_ROUTES.draft, slug)
}

/** A post's pictures live under the post's own address (`/posts/<slug>` or `/drafts/<slug>`), so they are exactly as public as it. */
export function imageUrl(postPath: string, file: string, query?: string): string {
  return `${postPath}/images/${file}${query ? `?${query}` : ''}`
}

export function draftShareUrl(slug: string, token: string): string {
  return `${draftUrl(slug)}?share=${encodeURIComponent(token)}`
}

/** The sign-in page, to come back to `path`; `error` is a sign-in error code for the page to show. */
export function signInUrl(path: string, error?: string): string {
  return `${SIGN_IN}?callbackUrl=${encodeURIComponent(path)}${error ? `&error=${encodeURIComponent(error)}` : ''}`
}

export function searchUrl(query: string): string {
  return query ? `${SEARCH}?q=${encodeURIComponent(query)}` : SEARCH
}

export const API = {
  search: (query: string, limit: number) => `/api/search?q=${encodeURIComponent(query)}&limit=${limit}`,
  drafts: '/api/drafts',
  draftShare: (slug: string) => `/api/drafts/${encodeURIComponent(slug)}/share`,
  auth: {
    session: '/api/auth/session',
    csrf: '/api/auth/csrf',
    /** next-auth's sign-in callbacks; the device cookie is sent only with these. */
    callbacks: '/api/auth/callback',
    credentials: '/api/auth/callback/credentials',
    gitHubSignIn: '/api/auth/signin/github',
    signOut: '/api/auth/signout',
  },
} as const
