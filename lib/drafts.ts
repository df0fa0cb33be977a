/**
 * Unpublished posts for signed-in authors and share-link reviewers.
 * Only the dynamic /drafts routes and /api/drafts call this module.
 */
import { getPublishedPost, getUnpublishedPost, getUnpublishedPosts, postState, type Post } from './content'
import { checkShareToken, createShareToken, shareExpiry, type ShareCheck } from './share-links'

export type DraftSummary = {
  slug: string
  title: string
  state: 'draft' | 'scheduled'
  date: string
  lastModified: string
  url: string
}

export function draftUrl(slug: string): string {
  return `/drafts/${slug}`
}

export function getDraftSummaries(now: Date = new Date()): DraftSummary[] {
  return getUnpublishedPosts(now).map((post) => ({
    slug: post.slug,
    title: post.title,
    state: postState(post, now) as DraftSummary['state'],
    date: post.date,
    lastModified: post.lastModified,
    url: draftUrl(post.slug),
  }))
}

export type DraftAccess =
  | { kind: 'author'; post: Post }
  | { kind: 'shared'; post: Post }
  | { kind: 'published'; slug: string }
  | { kind: 'not-found' }
  | { kind: 'sign-in' }
  | { kind: 'forbidden'; reason: Exclude<ShareCheck, 'valid'> }

/**
 * Who may read a draft: a signed-in author, or anyone holding a valid share
 * link for exactly this slug. Nothing about the draft is returned otherwise.
 */
export function resolveDraftAccess(input: {
  slug: string
  signedIn: boolean
  shareToken?: string
  secret: string | undefined
  now?: Date
}): DraftAccess {
  const now = input.now ?? new Date()
  if (input.signedIn) {
    const post = getUnpublishedPost(input.slug, now)
    if (post) return { kind: 'author', post }
    return getPublishedPost(input.slug, now) ? { kind: 'published', slug: input.slug } : { kind: 'not-found' }
  }
  if (input.shareToken === undefined) return { kind: 'sign-in' }
  const check = input.secret ? checkShareToken(input.shareToken, input.slug, input.secret, now) : 'invalid'
  if (check !== 'valid') return { kind: 'forbidden', reason: check }
  const post = getUnpublishedPost(input.slug, now)
  if (post) return { kind: 'shared', post }
  return getPublishedPost(input.slug, now) ? { kind: 'published', slug: input.slug } : { kind: 'not-found' }
}

export function createDraftShareLink(slug: string, secret: string, days: number, now: Date = new Date()) {
  const post = getUnpublishedPost(slug, now)
  if (!post) return undefined
  const expiresAt = shareExpiry(days, now)
  return { url: `${draftUrl(slug)}?share=${encodeURIComponent(createShareToken(slug, expiresAt, secret))}`, expiresAt: expiresAt.toISOString() }
}
