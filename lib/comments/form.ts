/**
 * The comment form as a reader sends it: read strictly (only its own fields, each
 * once, as a url-encoded body), then checked field by field. Problems come back
 * keyed by field, in the form's order, for the error summary; what they typed is
 * kept so the form can be shown again with it.
 */
import { countLinks, normalizeNewlines } from './html'
import { COMMENT_LIMITS, EMAIL_PATTERN, isCommentId, normalizeCommentEmail } from './model'
import { COMMENT_WORDS } from './words'

/** The form's fields by name. `url` is the honeypot: the name comment-spam scripts fill, hidden from people. */
export const COMMENT_FIELDS = {
  name: 'name',
  email: 'email',
  website: 'website',
  comment: 'comment',
  parent: 'parent',
  token: 'token',
  trap: 'url',
} as const

type FieldName = (typeof COMMENT_FIELDS)[keyof typeof COMMENT_FIELDS]
const KNOWN = new Set<string>(Object.values(COMMENT_FIELDS))

/** What the reader typed, as typed (the comment's newlines normalised): shown again with any errors. */
export type CommentFormValues = { name: string; email: string; website: string; comment: string; parent: string }

export type CommentFormErrors = Partial<Record<'name' | 'email' | 'website' | 'comment' | 'parent' | 'token', string>>

export type ReadForm = { ok: true; values: CommentFormValues; token: string; trapFilled: boolean } | { ok: false; status: 400 | 413; problem: string }

const FORM_TYPE = 'application/x-www-form-urlencoded'
/** Five thousand characters of any script, url-encoded, with room for the other fields. */
export const MAX_FORM_BYTES = 64 * 1024

export const EMPTY_VALUES: CommentFormValues = { name: '', email: '', website: '', comment: '', parent: '' }

/** The body as the form sends it, or why not (a 4xx: no JSON, no repeated or unknown fields). */
export async function readCommentForm(request: Request): Promise<ReadForm> {
  const mediaType = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase()
  if (mediaType !== FORM_TYPE) return { ok: false, status: 400, problem: `Send the form as ${FORM_TYPE}.` }
  if (Number(request.headers.get('content-length') ?? 0) > MAX_FORM_BYTES) return { ok: false, status: 413, problem: 'The form is too large.' }
  const text = await request.text()
  if (Buffer.byteLength(text) > MAX_FORM_BYTES) return { ok: false, status: 413, problem: 'The form is too large.' }
  const fields: Partial<Record<FieldName, string>> = {}
  for (const [name, value] of new URLSearchParams(text)) {
    if (!KNOWN.has(name)) return { ok: false, status: 400, problem: `The form has an unknown field "${name.slice(0, 40)}".` }
    if (name in fields) return { ok: false, status: 400, problem: `The form has the field "${name}" more than once.` }
    fields[name as FieldName] = value
  }
  return {
    ok: true,
    values: {
      name: fields.name ?? '',
      email: fields.email ?? '',
      website: fields.website ?? '',
      comment: normalizeNewlines(fields.comment ?? ''),
      parent: fields.parent ?? '',
    },
    token: fields.token ?? '',
    trapFilled: (fields.url ?? '') !== '',
  }
}

/** A website as the name's link: http(s) only, parsed rather than pattern-matched. */
export function parseWebsite(value: string): string | undefined {
  const trimmed = value.trim()
  if (!trimmed || trimmed.length > COMMENT_LIMITS.url) return undefined
  try {
    const url = new URL(trimmed)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.') && !url.username && !url.password
      ? url.href
      : undefined
  } catch {
    return undefined
  }
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

export type CheckedComment = { name: string; email?: string; url?: string; text: string; parent?: string }

/**
 * Checks every field. `tooLarge` says the comment broke a hard limit (length or
 * links), which is answered 400 as an attempt to abuse the form rather than a slip.
 */
export function checkCommentValues(values: CommentFormValues): { comment?: CheckedComment; errors: CommentFormErrors; tooLarge: boolean } {
  const errors: CommentFormErrors = {}
  const name = values.name.trim()
  if (!name) errors.name = COMMENT_WORDS.errors.nameMissing
  else if (name.length > COMMENT_LIMITS.name || CONTROL.test(name)) errors.name = COMMENT_WORDS.errors.nameTooLong(COMMENT_LIMITS.name)
  const email = normalizeCommentEmail(values.email)
  if (email && (email.length > COMMENT_LIMITS.email || !EMAIL_PATTERN.test(email))) errors.email = COMMENT_WORDS.errors.emailInvalid
  const url = parseWebsite(values.website)
  if (values.website.trim() && !url) errors.website = COMMENT_WORDS.errors.websiteInvalid
  const text = values.comment.trim()
  let tooLarge = false
  if (!text) errors.comment = COMMENT_WORDS.errors.commentMissing
  else if (values.comment.length > COMMENT_LIMITS.text) {
    errors.comment = COMMENT_WORDS.errors.commentTooLong(COMMENT_LIMITS.text, values.comment.length)
    tooLarge = true
  } else if (countLinks(text) > COMMENT_LIMITS.links) {
    errors.comment = COMMENT_WORDS.errors.tooManyLinks(COMMENT_LIMITS.links)
    tooLarge = true
  }
  const parent = values.parent.trim()
  if (parent && !isCommentId(parent)) errors.parent = COMMENT_WORDS.errors.parentMissing
  if (Object.keys(errors).length > 0) return { errors, tooLarge }
  return { comment: { name, email: email || undefined, url, text, parent: parent || undefined }, errors, tooLarge }
}
