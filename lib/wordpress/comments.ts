import sanitizeHtml from 'sanitize-html'
import type { StoredComment } from '../content'
import { autop } from './autop'
import { wordpressDate } from './dates'
import { decodeEntities } from './html-to-mdx'
import type { WxrComment } from './wxr'

/**
 * One approved comment as `content/comments/<post-slug>.json` holds it: the
 * model the site's comments share (lib/content's StoredComment). No email or
 * IP address: they are personal data, never shown, and stay in the export.
 */
export type PostComment = StoredComment

export type CommentsFile = { comments: PostComment[] }

/** What a comment may keep of its HTML: text formatting, quotes, lists and links (http, https, mailto). */
export const COMMENT_HTML = {
  allowedTags: ['p', 'br', 'a', 'em', 'strong', 'i', 'b', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  // A relative link (`#comment-16`, `/?p=3`) pointed into the old site: its text stays, the link goes.
  transformTags: {
    a: (tagName, attribs): sanitizeHtml.Tag => ({
      tagName,
      attribs: /^(https?:\/\/|mailto:)/i.test(attribs.href ?? '') ? { href: attribs.href } : ({} as sanitizeHtml.Attributes),
    }),
  },
} satisfies sanitizeHtml.IOptions

export function sanitizeCommentHtml(html: string): string {
  return sanitizeHtml(html, COMMENT_HTML).trim()
}

function commentId(id: string): string {
  return `wp-${id}`
}

function websiteOf(url: string): string | undefined {
  try {
    const parsed = new URL(url.trim())
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined
  } catch {
    return undefined
  }
}

/** The date in UTC: from the GMT date, else the local one read as UTC (WordPress left some GMT dates zero). */
function utcDate(comment: WxrComment): string | undefined {
  // A date paired with itself has no offset: `2014-03-24T09:15:00Z`.
  return wordpressDate(comment.dateGmt, comment.dateGmt) ?? wordpressDate(comment.date, comment.date)
}

/**
 * The approved comments of one item, oldest first, as readers saw them. Held
 * (awaiting moderation), spam and trashed ones are counted and left out; a
 * reply to a comment that is left out becomes a comment of its own.
 */
export function approvedComments(comments: readonly WxrComment[]): { comments: PostComment[]; leftOut: number } {
  const approved = comments.filter((comment) => comment.approved === '1' && utcDate(comment))
  const kept = new Set(approved.map((comment) => comment.id))
  const result = approved
    .map((comment): PostComment => {
      const url = websiteOf(comment.authorUrl)
      const kind = comment.type === 'pingback' || comment.type === 'trackback' ? comment.type : 'comment'
      return {
        id: commentId(comment.id),
        ...(comment.parent && comment.parent !== '0' && kept.has(comment.parent) ? { parent: commentId(comment.parent) } : {}),
        name: decodeEntities(comment.author) || 'Anonymous',
        ...(url ? { url } : {}),
        date: utcDate(comment)!,
        html: sanitizeCommentHtml(autop(comment.content)),
        kind,
      }
    })
    .sort((a, b) => a.date.localeCompare(b.date) || Number(a.id.slice(3)) - Number(b.id.slice(3)))
  return { comments: result, leftOut: comments.length - result.length }
}
