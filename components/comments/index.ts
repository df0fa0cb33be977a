/**
 * Readers' comments, all server components with no script of their own: a post's
 * comments with the form and the "awaiting moderation" banner, one comment, the
 * form alone (its own page), and the moderation lists.
 */
export { CommentForm } from './CommentForm'
export { CommentItem, CommenterName } from './CommentItem'
export { CommentHeldBanner, CommentsSection } from './CommentsSection'
export { ModerationQueue, type ModeratedComment } from './ModerationQueue'
