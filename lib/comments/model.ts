/**
 * One model for every comment a post shows: imported from WordPress (content/comments/<slug>.json,
 * carried into the content store by the content build) or written by a reader here (the comment
 * store). Both are shown the same way, from `ShownComment`.
 */

import type { StoredComment as ContentComment } from '../content'

/** A comment as a post shows it (lib/content's one comment shape): already sanitised HTML, the commenter's name and website (http(s) only, linked with rel="nofollow ugc"), its date (ISO 8601, UTC); a reply deeper than one level is shown under its top-level ancestor. */
export type ShownComment = ContentComment

export type CommentKind = ShownComment['kind']

/** What a post's front matter says (`comments:`): open takes new ones, closed shows the old, off shows none. */
export type CommentsSetting = 'open' | 'closed' | 'off'

export type CommentStatus = 'pending' | 'approved'

/** A reader's comment as the store keeps it: the text as written, the email never shown. */
export type StoredComment = {
  id: string
  /** The post's slug. */
  post: string
  parent?: string
  name: string
  url?: string
  email?: string
  /** Plain text as written (newlines as \n); turned into paragraphs and links when shown. */
  text: string
  createdAt: string
  status: CommentStatus
  approvedAt?: string
}

export type NewComment = Pick<StoredComment, 'post' | 'parent' | 'name' | 'url' | 'email' | 'text'>

export const COMMENT_LIMITS = {
  /** Characters in a comment (newlines count once, as the textarea's maxlength counts them). */
  text: 5000,
  links: 10,
  name: 80,
  email: 254,
  url: 500,
  /** Comments a page shows before the rest go to further pages, so a busy post keeps its weight. */
  perPage: 25,
}

/** How quickly a form may come back, and for how long after it was made. */
export const FORM_TOKEN_TIMING = {
  minimumMs: 2000,
  /** Long enough to write a long comment on a page cached for a while; an older form is sent back with a fresh token. */
  lifetimeMs: 24 * 60 * 60 * 1000,
}

/** Comments one client may send in a window; the next gets 429. */
export const COMMENT_RATE_LIMIT = { points: 5, durationSeconds: 10 * 60 }

/** Ids: `c-<random>` for comments written here, `wp-<number>` for imported ones. */
export const COMMENT_ID_PATTERN = /^(?:c-[a-z0-9]{8,40}|wp-[0-9a-z-]{1,40})$/

export function isCommentId(value: string): boolean {
  return COMMENT_ID_PATTERN.test(value)
}

export function normalizeCommentEmail(email: string): string {
  return email.trim().toLowerCase()
}

export const EMAIL_PATTERN = /^[^\s@<>"(),;:]+@[^\s@<>"(),;:]+\.[^\s@<>"(),;:]+$/
