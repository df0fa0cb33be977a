/**
 * Every address the site answers, built in one place. No imports, so client
 * islands, next.config.ts and scripts can all use it. Tag paths take the tag's
 * slug (lib/markdown's slugify), not its name, and percent-encode it, since a
 * tag's slug keeps letters of any script.
 */

export const HOME = '/'
export const ARCHIVE = '/archive'
export const SEARCH = '/search'
export const SIGN_IN = '/signin'
export const SIGN_OUT = '/signout'
export const SITEMAP = '/sitemap.xml'

export const FEEDS = { rss: '/feed.xml', atom: '/atom.xml', json: '/feed.json' } as const

/** Where an address's next segment is a post slug, a tag slug, an author id or a page number. */
export const POST_PREFIX = '/posts/'
export const TAGS = '/tags'
export const TAG_PREFIX = `${TAGS}/`
export const DRAFTS = '/drafts'
export const DRAFT_PREFIX = `${DRAFTS}/`
export const AUTHOR_PREFIX = '/authors/'
export const PAGE_PREFIX = '/page/'
export const ARCHIVE_PREFIX = `${ARCHIVE}/`
export const API_PREFIX = '/api/'

/** Past SITEMAP_MAX_URLS addresses (lib/seo), /sitemap.xml is an index of these parts. */
export const SITEMAP_PART_PREFIX = '/sitemaps/'

/** Open Graph cards: one per post, one per page, and the site's. */
export const CARD_PREFIX = '/og/'
export const POST_CARD_PREFIX = `${CARD_PREFIX}posts/`
export const PAGE_CARD_PREFIX = `${CARD_PREFIX}pages/`
export const SITE_CARD = `${CARD_PREFIX}site`

/** Draft pages are previewed below their own prefix, so a page slug never meets a post slug there. */
export const PAGE_DRAFT_PREFIX = `${DRAFT_PREFIX}pages/`

/** Route prefixes whose rest is a page slug (child pages' slugs hold slashes); checked before the post slug prefixes. */
export const PAGE_SLUG_PREFIXES = [PAGE_CARD_PREFIX, PAGE_DRAFT_PREFIX] as const

/** Route prefixes whose next segment is a post slug. */
export const POST_SLUG_PREFIXES = [POST_PREFIX, POST_CARD_PREFIX, DRAFT_PREFIX] as const

/** The dynamic routes proxy.ts checks before they render (its matcher reaches every address; a unit test checks these). */
export const GUARDED_PREFIXES = [
  POST_PREFIX,
  POST_CARD_PREFIX,
  PAGE_CARD_PREFIX,
  DRAFT_PREFIX,
  TAG_PREFIX,
  AUTHOR_PREFIX,
  PAGE_PREFIX,
  ARCHIVE_PREFIX,
  SITEMAP_PART_PREFIX,
] as const

/**
 * The first segment of every address the app answers itself (the folders and
 * files of app/, and Next's own), which a page (`/<slug>`) may not take. A unit
 * test reads app/ and holds this list to it, so a new route cannot be forgotten.
 */
export const RESERVED_TOP_LEVEL_SEGMENTS: readonly string[] = [
  'api',
  'archive',
  'atom.xml',
  'authors',
  'drafts',
  'feed.json',
  'feed.xml',
  'icon.svg',
  'og',
  'page',
  'posts',
  'robots.txt',
  'search',
  'signin',
  'signout',
  'sitemap.xml',
  'sitemaps',
  'tags',
  // Next's own: its error pages and assets.
  '404',
  '500',
  '_next',
  '_not-found',
  'favicon.ico',
]

/** Post slugs that would collide with an author page under /drafts/ (the moderation page, draft pages). */
export const RESERVED_POST_SLUGS: readonly string[] = ['comments', 'pages']

/** The folder of content/ that holds imported comments, one JSON file per post. */
export const COMMENTS_FOLDER = 'comments'

export function postUrl(post: { slug: string }): string {
  return `${POST_PREFIX}${post.slug}`
}

export function postCardPath(slug: string): string {
  return `${POST_CARD_PREFIX}${slug}`
}

/** Percent-encoded, so a tag in any script is a plain ASCII address in links, feeds and the sitemap. */
export function tagUrl(tagSlug: string): string {
  return `${TAG_PREFIX}${encodeURIComponent(tagSlug)}`
}

export function authorUrl(authorId: string): string {
  return `${AUTHOR_PREFIX}${authorId}`
}

/** A page (About, the accessibility statement) is served at its slug; a child page's slug holds its parent's. */
export function contentPageUrl(page: { slug: string }): string {
  return `/${page.slug}`
}

/** Where a signed-in author previews a draft page. */
export function pageDraftUrl(page: { slug: string }): string {
  return `${PAGE_DRAFT_PREFIX}${page.slug}`
}

export function pageCardPath(slug: string): string {
  return `${PAGE_CARD_PREFIX}${slug}`
}

/** Page 1 of the listing is the home page. */
export function pageUrl(page: number): string {
  return page <= 1 ? HOME : `${PAGE_PREFIX}${page}`
}

/**
 * Page `page` of a listing whose first page is `first` (the home page, a tag,
 * a year of the archive, an author): later pages are `<first>/page/N`, and
 * `<first>/page/1` redirects to `<first>` (next.config.ts).
 */
export function listingPageUrl(first: string, page: number): string {
  if (first === HOME) return pageUrl(page)
  return page <= 1 ? first : `${first}${PAGE_PREFIX}${page}`
}

/** A year of the archive, and its later pages. */
export function archiveYearUrl(year: string, page: number = 1): string {
  return listingPageUrl(`${ARCHIVE_PREFIX}${year}`, page)
}

export function sitemapPartUrl(part: number): string {
  return `${SITEMAP_PART_PREFIX}${part}.xml`
}

export function draftUrl(slug: string): string {
  return `${DRAFT_PREFIX}${slug}`
}

/** A post's pictures live under the post's own address (`/posts/<slug>` or `/drafts/<slug>`), so they are exactly as public as it. */
export function imageUrl(postPath: string, file: string, query?: string): string {
  return `${postPath}/images/${file}${query ? `?${query}` : ''}`
}

export function draftShareUrl(slug: string, token: string): string {
  return `${draftUrl(slug)}?share=${encodeURIComponent(token)}`
}

/** Sign-in, coming back to `path` afterwards. */
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

/** Readers' comments: where the form posts, its own page (replies, and the form shown again with errors), later pages of comments. */
export const COMMENTS_SEGMENT = 'comments'
/** The notification banner's id: the 303 after a comment lands on `#comment-held`, and CSS shows the banner for that target alone. */
export const COMMENT_HELD_ID = 'comment-held'
/** A post's comments start here on the post page (and every later page of them). */
export const COMMENTS_ID = 'comments'

export function commentPostUrl(post: { slug: string }): string {
  return `${postUrl(post)}/${COMMENTS_SEGMENT}`
}

/** The form on a page of its own, with a fresh token: to reply to `reply`, or shown again after a problem (`attempt`). */
export function commentFormUrl(post: { slug: string }, query: { reply?: string; attempt?: string } = {}): string {
  const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])))
  return `${postUrl(post)}/comment${search.size ? `?${search}` : ''}`
}

/** Where a post's comments are read: page 1 on the post itself, later pages below it. */
export function commentPageUrl(post: { slug: string }, page: number): string {
  return page <= 1 ? `${postUrl(post)}#${COMMENTS_ID}` : `${postUrl(post)}/${COMMENTS_SEGMENT}${PAGE_PREFIX}${page}`
}

/** One comment's anchor, on the page of comments that holds it. */
export function commentUrl(post: { slug: string }, page: number, id: string): string {
  return `${page <= 1 ? postUrl(post) : commentPageUrl(post, page)}#${id}`
}

/** Where the 303 after a comment sends the reader: the post, with the "awaiting moderation" banner. */
export function commentHeldUrl(post: { slug: string }): string {
  return `${postUrl(post)}#${COMMENT_HELD_ID}`
}

/** Moderation, for signed-in authors: the list, each comment's form, and a person's data. */
export const COMMENT_MODERATION = `${DRAFT_PREFIX}comments`
export const COMMENT_MODERATION_ACTION = `${COMMENT_MODERATION}/moderate`
export const COMMENT_PERSON_ACTION = `${COMMENT_MODERATION}/person`
