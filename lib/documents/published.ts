/**
 * What "published" means, decided here and nowhere else, for every kind of
 * document: every page, feed, the sitemap, search, cards, prev/next links and
 * the route guard ask these.
 */

/** Any document: a kind with a `date` field (posts) is scheduled by it; one without (pages) is held back only by `draft`. */
type Schedulable = { draft?: boolean; date?: string }

/** Published means: not a draft, and its date (if it has one) has come. */
export function isPublished(item: Schedulable, now: Date = new Date()): boolean {
  return item.draft !== true && (item.date === undefined || new Date(item.date).getTime() <= now.getTime())
}

export type PublishState = 'published' | 'draft' | 'scheduled'

/** Which kind of not live a document is, if it is not: a draft, or scheduled for its date. */
export function publishState(item: Schedulable, now: Date = new Date()): PublishState {
  if (item.draft === true) return 'draft'
  return isPublished(item, now) ? 'published' : 'scheduled'
}

/** Newest first; documents of the same moment by slug, so the order never depends on file order. */
export function newestFirst(a: { date: string; slug: string }, b: { date: string; slug: string }): number {
  return Date.parse(b.date) - Date.parse(a.date) || bySlug(a, b)
}

/** By slug, as listings of undated documents (pages) are ordered. */
export function bySlug(a: { slug: string }, b: { slug: string }): number {
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0
}

/** A kind's list order (./kind.ts): newest first, or by slug as undated documents (pages) are listed. */
export function comparatorOf(order: 'newest first' | 'by slug'): (a: { slug: string; date?: string }, b: { slug: string; date?: string }) => number {
  return order === 'newest first'
    ? (a, b) => newestFirst(a as { date: string; slug: string }, b as { date: string; slug: string })
    : (a, b) => a.slug.localeCompare(b.slug)
}
