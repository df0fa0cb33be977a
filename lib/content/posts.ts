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
import { slugFromSegment } from '../markdown'
import { catalogOf, type ArchiveYearSummary, type PostCatalog, type TagSummary } from './catalog'
import { fingerprint } from './fingerprint'
import { isPublished } from './published'
import { contentStore } from './store'
import type { ContentRedirects } from '../http'
import type { StoredComment } from './site-data'
import type { Author, Post, PostBody } from './types'

export type { ArchiveMonthSummary, ArchiveYearSummary, TagSummary } from './catalog'
export { isPublished, postState, type PostState } from './published'
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
  const post = catalog(posts).find(slug)
  return post && isPublished(post, now) ? post : undefined
}

/** Drafts and scheduled posts, for signed-in authors only. */
export function getUnpublishedPosts(now: Date = new Date(), posts?: readonly Post[]): Post[] {
  return catalog(posts).unpublished(now)
}

export function getUnpublishedPost(slug: string, now: Date = new Date(), posts?: readonly Post[]): Post | undefined {
  const post = catalog(posts).find(slug)
  return post && !isPublished(post, now) ? post : undefined
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

/** The compiled MDX and headings of a post the caller has already been allowed to show. */
export async function readPostBody(post: Pick<Post, 'slug'>): Promise<PostBody> {
  return JSON.parse(await contentStore().readPart('posts', post.slug, 'body')) as PostBody
}

/**
 * The rendered HTML of a post, for feeds. The store has it for every post that
 * can be in a feed (the newest, and every scheduled post); undefined for others.
 */
export async function readPostHtml(post: Pick<Post, 'slug'>): Promise<string | undefined> {
  try {
    return await contentStore().readPart('posts', post.slug, 'html')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    console.error(`content: no feed HTML for ${post.slug} in the content store; its summary stands in`)
    return undefined
  }
}

/** The plain text of a post, for search snippets. */
export function readPostText(post: Pick<Post, 'slug'>): string {
  return contentStore().readPartSync('posts', post.slug, 'text')
}

/** Old addresses and where they now live (content/redirects/*.json), for proxy.ts. */
export function getContentRedirects(): ContentRedirects {
  return contentStore().readIndex().redirects
}

/** Hosts the content's pictures are shown from (content/image-hosts/*.json), which the CSP allows. */
export function getContentImageHosts(): readonly string[] {
  return contentStore().readIndex().imageHosts
}

/** Published posts with pictures still marked "Text alternative missing", for the accessibility statement. */
export function getPostsWithoutTextAlternatives(now: Date = new Date(), posts?: readonly Post[]): Post[] {
  return getPublishedPosts(now, posts).filter((post) => (post.imagesWithoutAlt ?? 0) > 0)
}

/** A post's comments (content/comments/<slug>.json as the build checked it), oldest first; none when it has no file. */
export async function readPostComments(post: Pick<Post, 'slug' | 'commentCount'>): Promise<StoredComment[]> {
  if (!post.commentCount) return []
  return JSON.parse(await contentStore().readPart('posts', post.slug, 'comments')) as StoredComment[]
}

/** A file the store writer derived from the published posts (the search index), by name. */
export function readStoreFile(name: string): Promise<string> {
  return contentStore().readFile(name)
}

/** Names this build's content: it changes when the content does (under `next dev`), so per-process caches can tell. */
export function contentStoreKey(): string {
  return contentStore().dir
}

/** A short stable fingerprint of what a post looks like, so derived URLs change when it does. */
export function postVersion(post: Pick<Post, 'title' | 'date' | 'updated' | 'tags' | 'author'> & Partial<Pick<Post, 'hero'>>): string {
  // The card draws the hero, so a new photo is a new card.
  return fingerprint([post.title, post.date, post.updated ?? '', post.tags, post.author ?? '', ...(post.hero ? [post.hero.hash] : [])])
}
