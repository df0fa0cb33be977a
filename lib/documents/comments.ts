/**
 * Readers' comments on a kind of document, said once: a kind takes comments
 * when its fields include COMMENTS_FIELD (posts do, pages do not), and each
 * document's front matter then says whether its own are open.
 */
import type { DocumentKind } from './kind'

/** `comments: open` (the default) takes new ones, `closed` shows the ones it has, `false` shows none and takes none. */
export const COMMENTS_FIELD = {
  type: 'choice',
  options: ['open', 'closed', false],
  default: 'open',
  description: "Readers' comments: open (the default), closed (shown, none taken) or false (none shown, none taken)",
} as const

/** What a document's front matter says about its comments. */
export type CommentsFrontMatter = (typeof COMMENTS_FIELD.options)[number]

/** Whether readers may comment on documents of this kind at all. */
export function takesComments(kind: Pick<DocumentKind, 'fields'>): boolean {
  return kind.fields.comments === COMMENTS_FIELD
}
