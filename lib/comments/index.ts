/**
 * Readers' comments: one model for imported and new comments, the form (its
 * fields, checks, signed token and honeypot), text and imported HTML made safe,
 * threads and pages, the store (files, or Redis with REDIS_URL: ./stores.ts
 * decides), the per-client limit, email to authors, a person's data, and every
 * word the feature shows. Nothing here needs Next, so `npm run comments` uses it
 * too; the route handlers and what pages read are server-only, in ./server.ts.
 */
export {
  COMMENT_ID_PATTERN,
  COMMENT_LIMITS,
  COMMENT_RATE_LIMIT,
  FORM_TOKEN_TIMING,
  isCommentId,
  normalizeCommentEmail,
  type CommentKind,
  type CommentStatus,
  type CommentsSetting,
  type NewComment,
  type ShownComment,
  type StoredComment,
} from './model'
export { COMMENT_WORDS, MODERATION_WORDS } from './words'
export { countLinks, sanitizeCommentHtml, textToHtml } from './html'
export { COMMENT_FIELDS, EMPTY_VALUES, checkCommentValues, parseWebsite, type CommentFormErrors, type CommentFormValues } from './form'
export { checkFormToken, createFormToken, deriveFormTokenKey, type FormTokenCheck } from './token'
export { commentPage, layOutComments, pageOfComment, type CommentEntry, type CommentPage, type CommentThread, type LaidOutComments } from './threads'
export { exportForPerson, shownFromImported, shownFromStored } from './shown'
export {
  ATTEMPT_LIFETIME_MS,
  CommentStoreError,
  CommentStoreUnavailableError,
  type CommentAttempt,
  type CommentStore,
  type FormProblem,
} from './store'
export { createFileCommentStore } from './file-store'
export { REDIS_COMMENT_KEYS, createRedisCommentStore } from './redis-store'
export { commentLimiterFor, commentStoreFor, commentStoreLocation } from './stores'
export { createCommentLimiter, type CommentLimiter, type CommentPermit } from './limiter'
export { noticeText, sendCommentNotice, type CommentNotice, type MailSettings } from './mail'
export { escapeHtml, refusedCommentPage, type RefusedCommentPage } from './refused-page'
