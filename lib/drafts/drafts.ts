/**
 * Drafts and scheduled documents for signed-in authors, and a draft post for
 * whoever holds its share link. Only the dynamic /drafts routes and /api/drafts
 * call this module.
 */
import 'server-only'
import { checkShareToken, createShareToken, shareExpiry, type ShareCheck } from '../auth'
import type { Post } from '../content'
import { getPublishedPost, getUnpublishedDocuments, getUnpublishedPost } from '../content/server'
import { DOCUMENT_KINDS, documentUrl, post as postKind, publishState, type AnyDocumentKind, type PublishState } from '../documents'
import { draftShareUrl } from '../routes'

/** A post that is not live, and which kind of not live. */
export type Draft = { post: Post; state: Exclude<PublishState, 'published'> }

function asDraft(post: Post | undefined, now: Date): Draft | undefined {
  if (!post) return undefined
  const state = publishState(post, now)
  return state === 'published' ? undefined : { post, state }
}

export type DraftSummary = {
  type: AnyDocumentKind['type']
  slug: string
  title: string
  state: Draft['state']
  /** Dated kinds only: pages have none. */
  date?: string
  lastModified: string
  url: string
}

/** Every kind's unpublished documents, in its order (posts newest first), kind after kind as lib/documents lists them. */
export function getDraftSummaries(now: Date = new Date()): DraftSummary[] {
  return DOCUMENT_KINDS.flatMap((kind) =>
    getUnpublishedDocuments(kind, now).map((document): DraftSummary => ({
      type: kind.type,
      slug: document.slug,
      title: document.title,
      state: publishState(document, now) as Draft['state'],
      date: 'date' in document ? document.date : undefined,
      lastModified: document.lastModified,
      url: documentUrl(kind, 'draft', document),
    })),
  )
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

/** A share link for a draft post (the only kind whose definition allows them), or undefined when there is no such draft. */
export function createDraftShareLink(slug: string, secret: string, days: number, now: Date = new Date()) {
  const post = postKind.shareable ? getUnpublishedPost(slug, now) : undefined
  if (!post) return undefined
  const expiresAt = shareExpiry(days, now)
  return { url: draftShareUrl(slug, createShareToken(slug, expiresAt, secret)), expiresAt: expiresAt.toISOString() }
}
