/**
 * Comments imported from WordPress, as the migration writes them:
 * content/comments/<post-slug>.json = { "comments": [ { id: "wp-<n>", parent?, name, url?, date, html, kind } ] }.
 * The content build checks each file (naming the file and the field at fault) and
 * carries it into the content store; the html is sanitised again when shown.
 */
import { COMMENT_LIMITS, isCommentId, type CommentKind, type ShownComment } from './model'

const KINDS: readonly CommentKind[] = ['comment', 'pingback', 'trackback']

export class ImportedCommentsError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`field "${field}" ${problem}`)
    this.name = 'ImportedCommentsError'
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

/** Checks a parsed comments file; throws ImportedCommentsError naming the entry's field (`comments[3].url`). */
export function validateImportedComments(value: unknown): ShownComment[] {
  const list = (value as { comments?: unknown } | null)?.comments
  if (typeof value !== 'object' || value === null || !Array.isArray(list)) throw new ImportedCommentsError('comments', 'must be a list')
  const ids = new Set<string>()
  const comments = list.map((entry: unknown, index): ShownComment => {
    const at = (field: string) => `comments[${index}].${field}`
    const record = entry as Record<string, unknown>
    if (typeof record !== 'object' || record === null || Array.isArray(record))
      throw new ImportedCommentsError(`comments[${index}]`, 'must be an object')
    const { id, parent, name, url, date, html, kind } = record
    if (typeof id !== 'string' || !isCommentId(id) || !id.startsWith('wp-'))
      throw new ImportedCommentsError(at('id'), 'must be "wp-" and the WordPress comment id')
    if (ids.has(id)) throw new ImportedCommentsError(at('id'), `repeats "${id}"`)
    ids.add(id)
    if (parent !== undefined && (typeof parent !== 'string' || !isCommentId(parent)))
      throw new ImportedCommentsError(at('parent'), 'must be a comment id')
    if (typeof name !== 'string' || !name.trim() || name.length > 200)
      throw new ImportedCommentsError(at('name'), 'must be a name of 1 to 200 characters')
    if (url !== undefined && (typeof url !== 'string' || url.length > COMMENT_LIMITS.url || !isHttpUrl(url)))
      throw new ImportedCommentsError(at('url'), 'must be an http(s) address')
    if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})$/.test(date) || Number.isNaN(Date.parse(date)))
      throw new ImportedCommentsError(at('date'), 'must be an ISO 8601 date and time')
    if (typeof html !== 'string') throw new ImportedCommentsError(at('html'), 'must be text')
    if (typeof kind !== 'string' || !KINDS.includes(kind as CommentKind))
      throw new ImportedCommentsError(at('kind'), `must be one of ${KINDS.join(', ')}`)
    return {
      id,
      ...(parent ? { parent: parent as string } : {}),
      name: name.trim(),
      ...(url ? { url: url as string } : {}),
      date: new Date(date).toISOString(),
      html,
      kind: kind as CommentKind,
    }
  })
  for (const [index, comment] of comments.entries()) {
    if (comment.parent && !ids.has(comment.parent))
      throw new ImportedCommentsError(`comments[${index}].parent`, `names "${comment.parent}", which is not in the file`)
  }
  return comments
}
