/**
 * The one place that decides what the public may see. Every page, feed,
 * sitemap, search index, OG card and prev/next link reads posts through here.
 * `.contentlayer/generated` holds drafts too, so nothing else imports it.
 */
import 'server-only'
import { allAuthors, allPosts, type Author, type Post } from 'contentlayer/generated'
import { site } from '../config'
import { postHero } from '../images'
import { slugFromSegment, slugify, type TocHeading } from '../markdown'
import { fingerprint } from './fingerprint'

export type { Author, Post }

/** Posts and pages alike; pages have no date, so only `draft` holds them back. */
type Schedulable = { draft?: boolean; date?: string }

/** Published means: not a draft, and its date (if it has one) has come. */
export function isPublished(item: Schedulable, now: Date = new Date()): boolean {
  return item.draft !== true && (item.date === undefined || new Date(item.date).getTime() <= now.getTime())
}

export type PostState = 'published' | 'draft' | 'scheduled'

export function postState(post: Pick<Post, 'draft' | 'date'>, now: Date = new Date()): PostState {
  if (post.draft === true) return 'draft'
  return isPublished(post, now) ? 'published' : 'scheduled'
}

function newestFirst(a: Post, b: Post): number {
  return b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug)
}

export function getPublishedPosts(now: Date = new Date(), posts: readonly Post[] = allPosts): Post[] {
  return posts.filter((post) => isPublished(post, now)).sort(newestFirst)
}

export function getPublishedPost(slug: string, now: Date = new Date(), posts: readonly Post[] = allPosts): Post | undefined {
  return posts.find((post) => post.slug === slug && isPublished(post, now))
}

/** Drafts and scheduled posts, for signed-in authors only. */
export function getUnpublishedPosts(now: Date = new Date(), posts: readonly Post[] = allPosts): Post[] {
  return posts.filter((post) => !isPublished(post, now)).sort(newestFirst)
}

export function getUnpublishedPost(slug: string, now: Date = new Date(), posts: readonly Post[] = allPosts): Post | undefined {
  return posts.find((post) => post.slug === slug && !isPublished(post, now))
}

export type PostLink = { slug: string; title: string }

/** Neighbours among published posts only, so a link never points at a draft. */
export function getAdjacentPosts(
  slug: string,
  now: Date = new Date(),
  posts: readonly Post[] = allPosts,
): { newer?: PostLink; older?: PostLink } {
  const published = getPublishedPosts(now, posts)
  const index = published.findIndex((post) => post.slug === slug)
  if (index === -1) return {}
  const link = (post: Post | undefined) => (post ? { slug: post.slug, title: post.title } : undefined)
  return { newer: link(published[index - 1]), older: link(published[index + 1]) }
}

/** One page of a listing (`/page/N`); not to be confused with a Page document. */
export type ListingPage<T> = { items: T[]; page: number; totalPages: number }

/** How many listing pages `count` posts fill; an empty site still has its home page. */
export function pageCount(count: number, perPage: number = site.postsPerPage): number {
  return Math.max(1, Math.ceil(count / perPage))
}

export function paginate<T>(items: readonly T[], page: number, perPage: number = site.postsPerPage): ListingPage<T> | undefined {
  const totalPages = pageCount(items.length, perPage)
  if (!Number.isInteger(page) || page < 1 || page > totalPages) return undefined
  return { items: items.slice((page - 1) * perPage, page * perPage), page, totalPages }
}

/** Reads a `/page/N` segment; only canonical positive integers count. */
export function parsePageNumber(segment: string): number | undefined {
  return /^[1-9]\d{0,5}$/.test(segment) ? Number(segment) : undefined
}

export type TagSummary = { slug: string; name: string; count: number }

export function getTags(now: Date = new Date(), posts: readonly Post[] = allPosts): TagSummary[] {
  const tags = new Map<string, TagSummary>()
  for (const post of getPublishedPosts(now, posts)) {
    for (const name of post.tags) {
      const slug = slugify(name)
      const tag = tags.get(slug) ?? { slug, name, count: 0 }
      tag.count += 1
      tags.set(slug, tag)
    }
  }
  return [...tags.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
}

/** The published tag a `/tags/<segment>` address names, however the segment is encoded: the tag route and the route guard both ask here. */
export function getTag(segment: string, now: Date = new Date(), posts: readonly Post[] = allPosts): TagSummary | undefined {
  const slug = slugFromSegment(segment)
  return slug === undefined ? undefined : getTags(now, posts).find((tag) => tag.slug === slug)
}

export function getPostsByTag(tagSlug: string, now: Date = new Date(), posts: readonly Post[] = allPosts): Post[] {
  return getPublishedPosts(now, posts).filter((post) => post.tags.some((name) => slugify(name) === tagSlug))
}

export type ArchiveMonth = { key: string; date: string; posts: Post[] }
export type ArchiveYear = { year: string; months: ArchiveMonth[] }

export function getArchive(now: Date = new Date(), posts: readonly Post[] = allPosts): ArchiveYear[] {
  const years: ArchiveYear[] = []
  for (const post of getPublishedPosts(now, posts)) {
    const year = post.date.slice(0, 4)
    const key = post.date.slice(0, 7)
    let yearGroup = years.at(-1)
    if (yearGroup?.year !== year) years.push((yearGroup = { year, months: [] }))
    let month = yearGroup.months.at(-1)
    if (month?.key !== key) yearGroup.months.push((month = { key, date: post.date, posts: [] }))
    month.posts.push(post)
  }
  return years
}

export function getAuthor(id: string | undefined, authors: readonly Author[] = allAuthors): Author | undefined {
  return authors.find((author) => author.id === (id ?? site.defaultAuthorId))
}

export function getAuthors(authors: readonly Author[] = allAuthors): Author[] {
  return [...authors]
}

/** An author's published posts; a post naming no author is the default author's. */
export function getPostsByAuthor(authorId: string, now: Date = new Date(), posts: readonly Post[] = allPosts): Post[] {
  return getPublishedPosts(now, posts).filter((post) => (post.author ?? site.defaultAuthorId) === authorId)
}

export function postHeadings(post: Post): TocHeading[] {
  return post.headings as TocHeading[]
}

/** A short stable fingerprint of what a post looks like, so derived URLs change when it does. */
export function postVersion(post: Pick<Post, 'title' | 'date' | 'updated' | 'tags' | 'author'> & Partial<Pick<Post, 'image' | 'images' | 'imageAlt'>>): string {
  // The card draws the hero, so a new photo is a new card.
  const hero = post.image && post.images ? postHero({ image: post.image, images: post.images, imageAlt: post.imageAlt }) : undefined
  return fingerprint([post.title, post.date, post.updated ?? '', post.tags, post.author ?? '', ...(hero ? [hero.image.hash] : [])])
}
