import { sanitizeCommentHtml, textToHtml } from './html'
import type { ShownComment, StoredComment } from './model'

/** A reader's approved comment in the shape every comment is shown in: the text as paragraphs and links, no email. */
export function shownFromStored(comment: StoredComment): ShownComment {
  return {
    id: comment.id,
    ...(comment.parent ? { parent: comment.parent } : {}),
    name: comment.name,
    ...(comment.url ? { url: comment.url } : {}),
    date: comment.createdAt,
    html: textToHtml(comment.text),
    kind: 'comment',
  }
}

/** An imported comment, its HTML sanitised again: content files are not trusted. */
export function shownFromImported(comment: ShownComment): ShownComment {
  return { ...comment, html: sanitizeCommentHtml(comment.html) }
}

/** What a person's data request gets: every comment sent with their email, as kept. */
export function exportForPerson(email: string, comments: readonly StoredComment[], postUrlOf: (post: string) => string, now: Date = new Date()) {
  return {
    email,
    exportedAt: now.toISOString(),
    about: 'Every comment sent with this email address: what was written, and what was kept with it.',
    comments: comments.map(({ id, post, parent, name, url, email: address, text, createdAt, status, approvedAt }) => ({
      id,
      post: postUrlOf(post),
      ...(parent ? { inReplyTo: parent } : {}),
      name,
      ...(url ? { website: url } : {}),
      email: address,
      text,
      createdAt,
      status,
      ...(approvedAt ? { approvedAt } : {}),
    })),
  }
}
