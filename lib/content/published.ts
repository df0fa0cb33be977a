/**
 * What "published" means, decided here and nowhere else: every page, feed,
 * the sitemap, search, cards, prev/next links and the route guard ask these.
 */
import type { Post } from './types'

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

/** Newest first; posts of the same moment by slug, so the order never depends on file order. */
export function newestFirst(a: Pick<Post, 'date' | 'slug'>, b: Pick<Post, 'date' | 'slug'>): number {
  return Date.parse(b.date) - Date.parse(a.date) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)
}
