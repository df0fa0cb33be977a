import { autop } from './autop'
import { wordpressDate } from './dates'
import type { WxrComment } from './wxr'

/**
 * A reader's comment, kept so it is not lost. Email addresses and IP
 * addresses stay in the export: they are personal data, never shown, and
 * not needed to show a comment.
 */
export type ExportedComment = {
  id: string
  /** The comment this one replies to, or null. */
  parent: string | null
  author: string
  authorUrl?: string
  /** ISO date with the offset WordPress recorded. */
  date?: string
  status: 'approved' | 'pending'
  type: 'comment' | 'pingback' | 'trackback'
  /** The comment as readers saw it: WordPress's HTML with paragraphs added, as on the old site. */
  html: string
}

/** Approved and held comments are kept; spam and trash are counted and left out. */
export function exportComments(comments: readonly WxrComment[]): { kept: ExportedComment[]; discarded: number } {
  const kept: ExportedComment[] = []
  let discarded = 0
  for (const comment of comments) {
    if (comment.approved !== '1' && comment.approved !== '0') {
      discarded += 1
      continue
    }
    const type = comment.type === 'pingback' || comment.type === 'trackback' ? comment.type : 'comment'
    kept.push({
      id: comment.id,
      parent: comment.parent && comment.parent !== '0' ? comment.parent : null,
      author: comment.author || 'Anonymous',
      ...(comment.authorUrl ? { authorUrl: comment.authorUrl } : {}),
      date: wordpressDate(comment.date, comment.dateGmt),
      status: comment.approved === '1' ? 'approved' : 'pending',
      type,
      html: autop(comment.content).trim(),
    })
  }
  return { kept, discarded }
}
