/**
 * Readers' comments: the CommentStore interface every part of the site reads and
 * writes through, like the author store. Without REDIS_URL, files under DATA_DIR
 * (./file-store.ts); with it, Redis, shared by every process (./redis-store.ts);
 * ./stores.ts picks one.
 */
import { randomBytes } from 'node:crypto'
import type { CommentFormErrors, CommentFormValues } from './form'
import { COMMENT_LIMITS, isCommentId, normalizeCommentEmail, type NewComment, type StoredComment } from './model'

/**
 * Why a form was sent back to its page: problems in its fields, or the store or limiter out of reach. (The per-client
 * limit and the length and link limits are answered by the handler itself, 429 and 400: ./refused-page.ts.)
 */
export type FormProblem = 'errors' | 'unavailable'

/**
 * A form sent back to the reader: what they typed and what was wrong with it,
 * kept briefly so the form page (the 303 after the POST) can show it again,
 * whichever process answers that request.
 */
export type CommentAttempt = {
  post: string
  values: CommentFormValues
  errors: CommentFormErrors
  problem: FormProblem
  /** The token to send back: theirs while it was valid or only early, else a fresh one. */
  token: string
}

/** How long a form sent back is kept for its page: long enough to follow the redirect, short enough to keep little. */
export const ATTEMPT_LIFETIME_MS = 10 * 60 * 1000

const ATTEMPT_KEY_PATTERN = /^[A-Za-z0-9_-]{24}$/

/** A kept attempt's key: random, in the form page's address only. */
export function newAttemptKey(): string {
  return randomBytes(18).toString('base64url')
}

export function isAttemptKey(key: string): boolean {
  return ATTEMPT_KEY_PATTERN.test(key)
}

export interface CommentStore {
  /** Holds a new comment for moderation. */
  add(input: NewComment, now?: Date): Promise<StoredComment>
  find(id: string): Promise<StoredComment | undefined>
  /** A post's approved comments, oldest first. */
  approvedFor(post: string): Promise<StoredComment[]>
  /** Every comment awaiting moderation, newest first. */
  pending(): Promise<StoredComment[]>
  /** Approved comments on any post, most recently approved first, at most `limit`. */
  recentlyApproved(limit: number): Promise<StoredComment[]>
  /** Undefined when there was no pending comment with that id (approved already, or deleted). */
  approve(id: string, now?: Date): Promise<StoredComment | undefined>
  /** Deletes a comment, pending or approved; undefined when there was none. */
  remove(id: string): Promise<StoredComment | undefined>
  /** Every comment sent with this email (a person's request for their data). */
  byEmail(email: string): Promise<StoredComment[]>
  /** Deletes every comment sent with this email, returning them. */
  removeByEmail(email: string): Promise<StoredComment[]>
  /** Keeps a form sent back for ATTEMPT_LIFETIME_MS; returns the key its page is given. */
  keepAttempt(attempt: CommentAttempt, now?: Date): Promise<string>
  /** The attempt kept under `key`, once (it is deleted as it is read); undefined if unknown, taken or expired. */
  takeAttempt(key: string, now?: Date): Promise<CommentAttempt | undefined>
}

export class CommentStoreError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CommentStoreError'
  }
}

/** The store cannot be reached (Redis down): nothing can be read or written until it is back. */
export class CommentStoreUnavailableError extends CommentStoreError {
  constructor(message: string) {
    super(message)
    this.name = 'CommentStoreUnavailableError'
  }
}

export function newCommentId(): string {
  return `c-${randomBytes(10).toString('hex')}`
}

/** A new comment as every store saves it: pending, stamped, the email normalised. */
export function prepareNewComment(input: NewComment, now: Date = new Date()): StoredComment {
  const email = input.email ? normalizeCommentEmail(input.email) : undefined
  return {
    id: newCommentId(),
    post: input.post,
    ...(input.parent ? { parent: input.parent } : {}),
    name: input.name,
    ...(input.url ? { url: input.url } : {}),
    ...(email ? { email } : {}),
    text: input.text,
    createdAt: now.toISOString(),
    status: 'pending',
  }
}

const isText = (value: unknown, max: number) => typeof value === 'string' && value.length <= max

/** Checks one stored entry; `where` names it in the error. */
export function validateStoredComment(entry: unknown, where: string): StoredComment {
  const record = entry as Record<string, unknown> | null
  const fail = (field: string) => {
    throw new CommentStoreError(`${where} has no valid "${field}"`)
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) throw new CommentStoreError(`${where} is not an object`)
  if (typeof record.id !== 'string' || !isCommentId(record.id)) fail('id')
  if (!isText(record.post, 200) || !record.post) fail('post')
  if (record.parent !== undefined && (typeof record.parent !== 'string' || !isCommentId(record.parent))) fail('parent')
  if (!isText(record.name, COMMENT_LIMITS.name) || !record.name) fail('name')
  if (record.url !== undefined && !isText(record.url, COMMENT_LIMITS.url)) fail('url')
  if (record.email !== undefined && !isText(record.email, COMMENT_LIMITS.email)) fail('email')
  if (!isText(record.text, COMMENT_LIMITS.text)) fail('text')
  if (typeof record.createdAt !== 'string' || Number.isNaN(Date.parse(record.createdAt))) fail('createdAt')
  if (record.status !== 'pending' && record.status !== 'approved') fail('status')
  if (record.approvedAt !== undefined && (typeof record.approvedAt !== 'string' || Number.isNaN(Date.parse(record.approvedAt)))) fail('approvedAt')
  return record as unknown as StoredComment
}

export const oldestFirst = (a: StoredComment, b: StoredComment) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)
export const newestFirst = (a: StoredComment, b: StoredComment) => oldestFirst(b, a)
export const recentlyApprovedFirst = (a: StoredComment, b: StoredComment) =>
  (b.approvedAt ?? '').localeCompare(a.approvedAt ?? '') || newestFirst(a, b)
