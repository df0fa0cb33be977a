/**
 * The one place that decides what the public may see. Every page, feed,
 * sitemap, search index, OG card and prev/next link reads posts through here.
 *
 * Listings read post metadata only (./store.ts reads the content store's index
 * once per process); a page that shows a post's body, HTML or text reads that
 * one file when it needs it. Drafts are in the store too (authors preview
 * them), so nothing else reads the store.
 *
 * Every function takes an optional list of posts in place of the store's, so
 * units can test the rules without a build.
 */
import 'server-only'
import { site } from '../config'
import { post as postKind } from '../documents'
import { slugFromSegment } from '../markdown'
import { archiveYearUrl, authorUrl, HOME, listingPageUrl, tagUrl, type ListingName } from '../routes'
import { catalogOf, type ArchiveYearSummary, type PostCatalog, type TagSummary } from './catalog'
import { getPublishedDocument, getUnpublishedDocument, readDocumentBody, readDocumentText } from './documents'
import { contentStore } from './store'
import type { Author, Post, PostBody } from './types'

export type { ArchiveMonthSummary, ArchiveYearSummary, TagSummary } from './catalog'
export { isPublished, publishState, type PublishState } from '../documents'
export type { Author, Post, PostBody }

function catalog(posts: readonly Post[] | undefined): PostCatalog {
  return posts ? catalogOf(posts) : contentStore().catalog()
}

/** Published posts, newest first. The same array until a scheduled post goes live: do not change it. */
export function getPublishedPosts(now: Date = new Date(), posts?: readonly Post[]): readonly Post[] {
  return catalog(posts).published(now).posts
}

/**
 * The newest published posts, which `next build` renders ahead with their
 * cards; the rest render on first request (ISR) and are cached from then on.
 */
export function getPostsToPrerender(now: Date = new Date(), posts?: readonly Post[]): readonly Post[] {
  return getPublishedPosts(now, posts).slice(0, site.prerenderPosts)
}

export function getPublishedPost(slug: string, now: Date = new Date(), posts?: readonly Post[]): Post | undefined {
  return getPublishedDocument(postKind, slug, now, posts)
}

/** Drafts and scheduled posts, for signed-in authors only. */
export function getUnpublishedPosts(now: Date = new Date(), posts?: readonly Post[]): Post[] {
  return catalog(posts).unpublished(now)
}

export function getUnpublishedPost(slug: string, now: Date = new Date(), posts?: readonly Post[]): Post | undefined {
  return getUnpublishedDocument(postKind, slug, now, posts)
}

export type PostLink = { slug: string; title: string }

/** Neighbours among published posts only, so a link never points at a draft. */
export function getAdjacentPosts(slug: string, now: Date = new Date(), posts?: readonly Post[]): { newer?: PostLink; older?: PostLink } {
  const published = catalog(posts).published(now)
  const index = published.indexOf(slug)
  if (index === -1) return {}
  const link = (post: Post | undefined) => (post ? { slug: post.slug, title: post.title } : undefined)
  return { newer: link(published.posts[index - 1]), older: link(published.posts[index + 1]) }
}

/** One page of a listing (`/page/N`); not to be confused with a Page document. */
export type ListingPage<T> = { items: T[]; page: number; totalPages: number }

export function paginate<T>(items: readonly T[], page: number, perPage: number = site.postsPerPage): ListingPage<T> | undefined {
  const totalPages = pageCount(items.length, perPage)
  if (!Number.isInteger(page) || page < 1 || page > totalPages) return undefined
  return { items: items.slice((page - 1) * perPage, page * perPage), page, totalPages }
}

/** Pages a listing of `count` items takes; an empty listing still has its first page. */
export function pageCount(count: number, perPage: number = site.postsPerPage): number {
  return Math.max(1, Math.ceil(count / perPage))
}

/** Reads a `/page/N` segment; only canonical positive integers count. */
export function parsePageNumber(segment: string): number | undefined {
  return /^[1-9]\d{0,5}$/.test(segment) ? Number(segment) : undefined
}

export function getTags(now: Date = new Date(), posts?: readonly Post[]): TagSummary[] {
  return catalog(posts).published(now).tags()
}

/** The published tag a `/tags/<segment>` address names, however the segment is encoded: the tag routes and the route guard all ask here. */
export function getTag(segment: string, now: Date = new Date(), posts?: readonly Post[]): TagSummary | undefined {
  const slug = slugFromSegment(segment)
  return slug === undefined ? undefined : catalog(posts).published(now).tag(slug)
}

/** Tags whose first page `next build` renders ahead: the most used; the rest render on first request. */
export const PRERENDER_TAGS = 100

export function getTagsToPrerender(now: Date = new Date(), posts?: readonly Post[]): TagSummary[] {
  return getTags(now, posts).slice(0, PRERENDER_TAGS)
}

export function getPostsByTag(tagSlug: string, now: Date = new Date(), posts?: readonly Post[]): readonly Post[] {
  return catalog(posts).published(now).byTag(tagSlug)
}

/** Years with published posts, newest first, with their months and counts: the archive's index. */
export function getArchiveYears(now: Date = new Date(), posts?: readonly Post[]): ArchiveYearSummary[] {
  return catalog(posts).published(now).years()
}

/** One year's published posts, newest first. */
export function getArchiveYear(year: string, now: Date = new Date(), posts?: readonly Post[]): readonly Post[] {
  return catalog(posts).published(now).year(year)
}

export type ArchiveMonth = { key: string; date: string; posts: Post[] }

/** Consecutive posts of one month together (posts newest first, as a year's pages list them). */
export function groupByMonth(posts: readonly Post[]): ArchiveMonth[] {
  const months: ArchiveMonth[] = []
  for (const post of posts) {
    const key = post.date.slice(0, 7)
    const month = months.at(-1)
    if (month?.key === key) month.posts.push(post)
    else months.push({ key, date: post.date, posts: [post] })
  }
  return months
}

/** The author a post is by: its own, or the site's default author. */
export function postAuthorId(post: Pick<Post, 'author'>): string {
  return post.author ?? site.defaultAuthorId
}

export function getPostsByAuthor(authorId: string, now: Date = new Date(), posts?: readonly Post[]): readonly Post[] {
  return catalog(posts).published(now).byAuthor(authorId, postAuthorId)
}

export function getAuthors(authors?: readonly Author[]): readonly Author[] {
  return authors ?? contentStore().readIndex().authors
}

export function getAuthor(id: string | undefined, authors?: readonly Author[]): Author | undefined {
  return getAuthors(authors).find((author) => author.id === (id ?? site.defaultAuthorId))
}

/** The compiled MDX, headings and pictures of a post the caller has already been allowed to show. */
export function readPostBody(post: Pick<Post, 'slug'>): Promise<PostBody> {
  return readDocumentBody(postKind, post)
}

/**
 * The rendered HTML of a post, for feeds. The store has it for every post that
 * can be in a feed (the newest, and every scheduled post); undefined for others.
 */
export async function readPostHtml(post: Pick<Post, 'slug'>): Promise<string | undefined> {
  try {
    return await contentStore().readPart(postKind.folder, post.slug, 'html')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    console.error(`content: no feed HTML for ${post.slug} in the content store; its summary stands in`)
    return undefined
  }
}

/** The plain text of a post, for search snippets. */
export function readPostText(post: Pick<Post, 'slug'>): string {
  return readDocumentText(postKind, post)
}

/** A file the store writer derived from the published posts (the search index), by name. */
export function readStoreFile(name: string): Promise<string> {
  return contentStore().readFile(name)
}

/** Names this build's content: it changes when the content does (under `next dev`), so per-process caches can tell. */
export function contentStoreKey(): string {
  return contentStore().dir
}

/*
 * The listings of published posts: the home page, a tag, a year of the
 * archive, an author. Each has a first page at its own address and later ones
 * at `<first>/page/N` (lib/routes.ts's LISTING_ROUTES). Whether a page of one
 * exists is decided here, once: the route guard asks before the route runs
 * (so a made-up tag or page number never makes a cache entry), and the route
 * asks again for what it shows, with the same segments.
 */

/** What a listing shows, what it is of (the tag, the year, the author; the home page is of every post), and what each of its pages is called. */
export type Listing = {
  name: ListingName
  first: string
  posts: readonly Post[]
  perPage: number
  title: (page: number) => string
  description: (page: number) => string
} & (
  | { name: 'home' }
  | { name: 'tag'; tag: TagSummary }
  | { name: 'year'; year: string }
  | { name: 'author'; author: Author }
)

/** One page of a listing: its posts, its number and how many there are. */
export type FoundListingPage = Listing & ListingPage<Post>

type Lookup = (key: string | undefined, now: Date, posts: readonly Post[] | undefined) => Listing | undefined

const LISTINGS: Readonly<Record<ListingName, Lookup>> = {
  home: (_key, now, posts) => ({
    name: 'home',
    first: HOME,
    posts: getPublishedPosts(now, posts),
    perPage: site.postsPerPage,
    title: (page) => `Posts, page ${page}`,
    description: () => site.description,
  }),
  // getTag reads the segment as it is sent, decoding and normalising it (tags keep letters of any script).
  tag: (segment, now, posts) => {
    const tag = segment === undefined ? undefined : getTag(segment, now, posts)
    if (!tag) return undefined
    const tagged = getPostsByTag(tag.slug, now, posts)
    return {
      name: 'tag',
      first: tagUrl(tag.slug),
      posts: tagged,
      perPage: site.postsPerPage,
      tag,
      title: (page) => `Posts tagged “${tag.name}”${page > 1 ? `, page ${page}` : ''}`,
      description: () => `${tag.count} posts tagged ${tag.name}.`,
    }
  },
  year: (segment, now, posts) => {
    const year = segment === undefined ? undefined : slugFromSegment(segment)
    const inYear = year !== undefined && /^\d{4}$/.test(year) ? getArchiveYear(year, now, posts) : []
    if (inYear.length === 0) return undefined
    return {
      name: 'year',
      first: archiveYearUrl(year!),
      posts: inYear,
      perPage: site.archivePerPage,
      year: year!,
      title: (page) => `Posts from ${year}${page > 1 ? `, page ${page}` : ''}`,
      description: () => `Every post from ${year}, by month.`,
    }
  },
  author: (segment, now, posts) => {
    const id = segment === undefined ? undefined : slugFromSegment(segment)
    const author = id === undefined ? undefined : getAuthor(id)
    if (!author) return undefined
    return {
      name: 'author',
      first: authorUrl(author.id),
      posts: getPostsByAuthor(author.id, now, posts),
      perPage: site.postsPerPage,
      author,
      title: (page) => (page > 1 ? `Posts by ${author.name}, page ${page}` : author.name),
      description: (page) => (page > 1 ? `Posts by ${author.name}.` : `About ${author.name}, who writes ${site.name}.`),
    }
  },
}

/**
 * One page of a listing as its address names it, or undefined when there is
 * none: `key` is the tag, year or author segment (none for the home page),
 * `pageSegment` the `N` of `…/page/N`, absent on the first page. Later pages
 * start at 2: `…/page/1` redirects to the first page.
 */
export function findListingPage(
  name: ListingName,
  key: string | undefined,
  pageSegment?: string,
  now: Date = new Date(),
  posts?: readonly Post[],
): FoundListingPage | undefined {
  const listing = LISTINGS[name](key, now, posts)
  const decoded = pageSegment === undefined ? undefined : slugFromSegment(pageSegment)
  const number = decoded === undefined ? (pageSegment === undefined ? 1 : undefined) : parsePageNumber(decoded)
  if (!listing || number === undefined || (pageSegment !== undefined && number < 2)) return undefined
  const page = paginate(listing.posts, number, listing.perPage)
  return page && { ...listing, ...page }
}

/** What a listing page is called, how it is described, and where it is: its first page has no number. */
export function listingPageTitle(found: FoundListingPage): { title: string; description: string; path: string } {
  return { title: found.title(found.page), description: found.description(found.page), path: listingPageUrl(found.first, found.page) }
}

/** The listing pages `next build` renders ahead (the rest render on first request): the keys of first pages, the numbers of later ones. */
export function listingPagesToPrerender(name: ListingName, later: boolean, now: Date = new Date()): { key?: string; page?: string }[] {
  if (later) {
    // The pages that list the posts built ahead (page 1 is the listing itself); only the home page's.
    if (name !== 'home') return []
    return Array.from({ length: pageCount(getPostsToPrerender(now).length) - 1 }, (_, i) => ({ page: String(i + 2) }))
  }
  if (name === 'tag') return getTagsToPrerender(now).map((tag) => ({ key: tag.slug }))
  if (name === 'year') return getArchiveYears(now).map((year) => ({ key: year.year }))
  if (name === 'author') return getAuthors().map((author) => ({ key: author.id }))
  return [{}]
}
