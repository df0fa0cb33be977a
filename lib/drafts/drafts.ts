/**
 * Unpublished posts for signed-in authors and share-link reviewers.
 * Only the dynamic /drafts routes and /api/drafts call this module.
 */
import 'server-only'
import { checkShareToken, createShareToken, shareExpiry, type ShareCheck } from '../auth'
import type { Post } from '../content'
import { getPublishedPost, getUnpublishedPages, getUnpublishedPost, getUnpublishedPosts, postState, type PostState } from '../content/server'
import { draftShareUrl, draftUrl, pageDraftUrl } from '../routes'

/** A post that is not live, and which kind of not live. */
export type Draft = { post: Post; state: Exclude<PostState, 'published'> }

function asDraft(post: Post | undefined, now: Date): Draft | undefined {
  if (!post) return undefined
  const state = postState(post, now)
  return state === 'published' ? undefined : { post, state }
}

export type DraftSummary = {
  type: 'post' | 'page'
  slug: string
  title: string
  state: Draft['state']
  /** Posts only: pages have no date. */
  date?: string
  lastModified: string
  url: string
}

/** Unpublished posts, newest first, then draft pages. */
export function getDraftSummaries(now: Date = new Date()): DraftSummary[] {
  const posts = getUnpublishedPosts(now).flatMap((unpublished): DraftSummary[] => {
    const draft = asDraft(unpublished, now)
    if (!draft) return []
    const { post, state } = draft
    return [{ type: 'post', slug: post.slug, title: post.title, state, date: post.date, lastModified: post.lastModified, url: draftUrl(post.slug) }]
  })
  const pages = getUnpublishedPages(now).map((page): DraftSummary => ({
    type: 'page',
    slug: page.slug,
    title: page.title,
    state: 'draft',
    lastModified: page.lastModified,
    url: pageDraftUrl(page),
  }))
  return [...posts, ...pages]
}

export type DraftAccess =
  | { kind: 'author'; draft: Draft }
  | { kind: 'shared'; draft: Draft }
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
    const draft = asDraft(getUnpublishedPost(input.slug, now), now)
    if (draft) return { kind: 'author', draft }
    return getPublishedPost(input.slug, now) ? { kind: 'published', slug: input.slug } : { kind: 'not-found' }
  }
  if (input.shareToken === undefined) return { kind: 'sign-in' }
  const check = input.secret ? checkShareToken(input.shareToken, input.slug, input.secret, now) : 'invalid'
  if (check !== 'valid') return { kind: 'forbidden', reason: check }
  const draft = asDraft(getUnpublishedPost(input.slug, now), now)
  if (draft) return { kind: 'shared', draft }
  return getPublishedPost(input.slug, now) ? { kind: 'published', slug: input.slug } : { kind: 'not-found' }
}

export function createDraftShareLink(slug: string, secret: string, days: number, now: Date = new Date()) {
  const post = getUnpublishedPost(slug, now)
  if (!post) return undefined
  const expiresAt = shareExpiry(days, now)
  return { url: draftShareUrl(slug, createShareToken(slug, expiresAt, secret)), expiresAt: expiresAt.toISOString() }
}
