/**
 * Comments imported from WordPress, exactly as the import writes them
 * (docs/wordpress-import.md): content/comments/<post-slug>.json =
 * { "comments": [ { id, parent?, name, url?, date, html, kind } ] }, oldest
 * first, each reply after the comment it answers, `html` already sanitised to
 * a few tags. The content build checks each file (naming the file and the
 * field at fault) and carries it into the content store; the html is
 * sanitised again when shown.
 */
import type { CommentKind, ShownComment } from './model'

const KINDS: readonly CommentKind[] = ['comment', 'pingback', 'trackback']
const FIELDS = ['id', 'parent', 'name', 'url', 'date', 'html', 'kind']
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/
/** The only markup an imported comment may hold: what the import's sanitiser leaves. */
const ALLOWED_TAG = /^<\/?(p|br|a|em|strong|i|b|code|pre|blockquote|ul|ol|li)( href="(https?:|mailto:)[^"<>]*")?\s*\/?>$/i

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

/** Checks a parsed comments file; throws ImportedCommentsError naming the entry's field (`comments[3].parent`). */
export function validateImportedComments(value: unknown): ShownComment[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ImportedCommentsError('comments', 'must be a list of comments')
  for (const key of Object.keys(value)) if (key !== 'comments') throw new ImportedCommentsError(key, 'is not a field of a comments file')
  const list = (value as { comments?: unknown }).comments
  if (!Array.isArray(list)) throw new ImportedCommentsError('comments', 'must be a list of comments')
  const seen = new Set<string>()
  let previous = ''
  return list.map((entry: unknown, index): ShownComment => {
    const field = (name: string) => `comments[${index}].${name}`
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      throw new ImportedCommentsError(`comments[${index}]`, 'must be an object')
    const record = entry as Record<string, unknown>
    for (const key of Object.keys(record)) {
      if (!FIELDS.includes(key)) throw new ImportedCommentsError(field(key), 'is not a comment field (no email or IP address is kept)')
    }
    const text = (name: string, required = true): string | undefined => {
      const found = record[name]
      if (found === undefined && !required) return undefined
      if (typeof found !== 'string' || !found.trim()) throw new ImportedCommentsError(field(name), 'must be a non-empty string')
      return found
    }
    const id = text('id')!
    if (seen.has(id)) throw new ImportedCommentsError(field('id'), `repeats "${id}"`)
    const parent = text('parent', false)
    if (parent !== undefined && !seen.has(parent))
      throw new ImportedCommentsError(field('parent'), `must be the id of an earlier comment, got "${parent}"`)
    const name = text('name')!
    const url = text('url', false)
    if (url !== undefined && !isHttpUrl(url)) throw new ImportedCommentsError(field('url'), 'must be an http(s) address')
    const date = text('date')!
    if (!ISO_UTC.test(date) || Number.isNaN(Date.parse(date))) {
      throw new ImportedCommentsError(field('date'), 'must be an ISO 8601 date in UTC, such as 2014-03-24T09:15:00Z')
    }
    if (date < previous) throw new ImportedCommentsError(field('date'), 'must not be before the comment above it: comments are oldest first')
    previous = date
    const html = text('html')!
    const tag = (html.match(/<[^>]*>/g) ?? []).find((markup) => !ALLOWED_TAG.test(markup))
    if (tag) throw new ImportedCommentsError(field('html'), `holds markup a comment may not: ${tag.slice(0, 60)}`)
    const kind = text('kind')!
    if (!KINDS.includes(kind as CommentKind))
      throw new ImportedCommentsError(field('kind'), `must be ${KINDS.join(', ').replace(/, ([^,]*)$/, ' or $1')}`)
    seen.add(id)
    return { id, ...(parent ? { parent } : {}), name, ...(url ? { url } : {}), date, html, kind: kind as CommentKind }
  })
}
