/**
 * The JSON files that live beside the documents: each post's or page's
 * comments (`comments/<post-slug>.json`, `comments/pages/<page-slug>.json`), redirects from old addresses
 * (`redirects/*.json`) and the picture hosts the Content-Security-Policy allows
 * (`image-hosts/*.json`). The importer writes them; authors may edit them. The
 * content build checks each here and fails naming the file and field.
 */
import { parseImageRemoteHosts } from '../config'
import type { DocumentKind } from '../documents'

/** A problem in one field of one content file: the build stops and says which. */
export class ContentFieldError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`field "${field}" ${problem}`)
    this.name = 'ContentFieldError'
  }
}

/** One reader's comment, as every part of the site shares it. No email or IP address is ever stored. */
export type StoredComment = {
  id: string
  parent?: string
  name: string
  url?: string
  date: string
  html: string
  kind: 'comment' | 'pingback' | 'trackback'
}

const KINDS = new Set(['comment', 'pingback', 'trackback'])
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/
/** The only markup a stored comment may hold, as the importer's sanitizer leaves it. */
const ALLOWED_TAG = /^<\/?(p|br|a|em|strong|i|b|code|pre|blockquote|ul|ol|li)( href="(https?:|mailto:)[^"<>]*")?\s*\/?>$/i

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

/** `comments/<slug>.json` (lib/documents' commentsFile): the comments of one document, oldest first, each reply after its parent. */
export function checkComments(owner: { kind: Pick<DocumentKind, 'name' | 'slugProblem'>; slug: string }, comments: unknown): StoredComment[] {
  const slugProblem = owner.kind.slugProblem(owner.slug)
  if (slugProblem) throw new ContentFieldError('slug (file name)', `must be the slug of a ${owner.kind.name.toLowerCase()}: it ${slugProblem}`)
  if (!Array.isArray(comments)) throw new ContentFieldError('comments', 'must be a list of comments')
  const seen = new Set<string>()
  let previous = ''
  return comments.map((comment: Record<string, unknown>, index) => {
    const field = (name: string) => `comments[${index}].${name}`
    const text = (name: string, required = true): string | undefined => {
      const value = comment?.[name]
      if (value === undefined && !required) return undefined
      if (typeof value !== 'string' || !value.trim()) throw new ContentFieldError(field(name), 'must be a non-empty string')
      return value
    }
    if (typeof comment !== 'object' || comment === null) throw new ContentFieldError(`comments[${index}]`, 'must be an object')
    for (const key of Object.keys(comment)) {
      if (!['id', 'parent', 'name', 'url', 'date', 'html', 'kind'].includes(key)) throw new ContentFieldError(field(key), 'is not a comment field (no email or IP address is kept)')
    }
    const id = text('id')!
    if (seen.has(id)) throw new ContentFieldError(field('id'), `repeats "${id}"`)
    const parent = text('parent', false)
    if (parent !== undefined && !seen.has(parent)) throw new ContentFieldError(field('parent'), `must be the id of an earlier comment, got "${parent}"`)
    const url = text('url', false)
    if (url !== undefined && !isHttpUrl(url)) throw new ContentFieldError(field('url'), 'must be an http(s) address')
    const date = text('date')!
    if (!ISO_UTC.test(date) || Number.isNaN(Date.parse(date))) throw new ContentFieldError(field('date'), 'must be an ISO 8601 date in UTC, such as 2014-03-24T09:15:00Z')
    if (date < previous) throw new ContentFieldError(field('date'), 'must not be before the comment above it: comments are oldest first')
    previous = date
    const html = text('html')!
    const tag = (html.match(/<[^>]*>/g) ?? []).find((markup) => !ALLOWED_TAG.test(markup))
    if (tag) throw new ContentFieldError(field('html'), `holds markup a comment may not: ${tag.slice(0, 60)}`)
    const kind = text('kind')!
    if (!KINDS.has(kind)) throw new ContentFieldError(field('kind'), 'must be comment, pingback or trackback')
    seen.add(id)
    return { id, ...(parent ? { parent } : {}), name: text('name')!, ...(url ? { url } : {}), date, html, kind: kind as StoredComment['kind'] }
  })
}

/** `redirects/*.json`: `{ "redirects": [{ "from": "/old/path/", "to": "/posts/x" }] }`. */
export function checkRedirects(redirects: unknown): { from: string; to: string }[] {
  if (!Array.isArray(redirects)) throw new ContentFieldError('redirects', 'must be a list of { from, to }')
  return redirects.map((entry: Record<string, unknown>, index) => {
    const from = entry?.from
    const to = entry?.to
    if (typeof from !== 'string' || !from.startsWith('/')) throw new ContentFieldError(`redirects[${index}].from`, 'must be a path starting with /')
    if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//')) throw new ContentFieldError(`redirects[${index}].to`, 'must be a path of this site starting with /')
    return { from, to }
  })
}

/** `image-hosts/*.json`: `{ "hosts": ["old.example.org"] }`, host names only, as IMAGE_REMOTE_HOSTS takes them. */
export function checkImageHosts(hosts: unknown): string[] {
  if (!Array.isArray(hosts) || hosts.some((host) => typeof host !== 'string')) throw new ContentFieldError('hosts', 'must be a list of host names')
  try {
    return parseImageRemoteHosts(hosts.join(' '))
  } catch (error) {
    throw new ContentFieldError('hosts', (error as Error).message.replace(/^Configuration error: IMAGE_REMOTE_HOSTS /, ''))
  }
}
