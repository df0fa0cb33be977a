/**
 * The comment form again as a whole HTML page, for the refusals the route handler
 * answers with their own status: 400 (a comment over the length or link limit) and
 * 429 (the per-client limit). Next lets a route handler set a status but not render
 * a page, and it refuses react-dom/server in the app (an SWC check on every module
 * of the server layer, and its alias of renderToStaticMarkup throws), so this is a
 * small template: the same markup, classes and words as components/comments/CommentForm
 * and the form page, every value escaped, no script of its own. The page links the
 * build's stylesheet (the handler finds it in the prerendered 404 page).
 */
import { COMMENT_FIELDS, type CommentFormErrors, type CommentFormValues } from './form'
import { COMMENT_LIMITS } from './model'
import { COMMENT_WORDS } from './words'

export type RefusedCommentPage = {
  /** Why the form is back: its fields (400) or the per-client limit (429). */
  problem: 'errors' | 'rate-limited'
  site: { name: string; language: string; home: string }
  post: { title: string; url: string }
  /** Where the form posts: the post's comments address. */
  action: string
  token: string
  values: CommentFormValues
  errors: CommentFormErrors
  retryAfterMinutes?: number
  /** The build's stylesheets (site-relative addresses); none under `next dev`, where a few inline rules hide the honeypot. */
  stylesheets: readonly string[]
  /** The blocking script that applies a chosen theme before first paint, as app/layout.tsx loads it. */
  theme?: { src: string; storageKey: string }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text or an attribute value, safe inside an element or a double-quoted attribute. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character])
}

type Attributes = Record<string, string | number | boolean | undefined>

function attributes(list: Attributes): string {
  return Object.entries(list)
    .filter(([, value]) => value !== undefined && value !== false)
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`))
    .join('')
}

/** Fields in the order of the error summary; a problem with the token or the reply is told against the comment (as CommentForm does). */
const SUMMARY_FIELDS = [
  { key: 'name', id: 'comment-name' },
  { key: 'email', id: 'comment-email' },
  { key: 'website', id: 'comment-website' },
  { key: 'comment', id: 'comment-text' },
  { key: 'parent', id: 'comment-text' },
  { key: 'token', id: 'comment-text' },
] as const

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined

function fieldError(id: string, message: string | undefined): string {
  return message ? `<p class="field-error" id="${id}"><span class="visually-hidden">Error: </span>${escapeHtml(message)}</p>` : ''
}

type TextField = {
  id: string
  name: string
  type: 'text' | 'email' | 'url'
  autoComplete: string
  required?: boolean
  maxLength: number
  label: string
  hint: string
  error?: string
  value: string
}

function textField({ id, name, type, autoComplete, required, maxLength, label, hint, error, value }: TextField): string {
  return [
    `<div class="${error ? 'field field-with-error' : 'field'}">`,
    `<label for="${id}">${escapeHtml(label)}</label>`,
    `<p class="hint" id="${id}-hint">${escapeHtml(hint)}</p>`,
    fieldError(`${id}-error`, error),
    `<input${attributes({
      id,
      name,
      type,
      autocomplete: autoComplete,
      spellcheck: type === 'text' ? undefined : 'false',
      required,
      maxlength: maxLength,
      value,
      'aria-invalid': error ? 'true' : undefined,
      'aria-describedby': describedBy(`${id}-hint`, error && `${id}-error`),
    })}>`,
    '</div>',
  ].join('')
}

function form(page: RefusedCommentPage, headingLevel: 1 | 2): string {
  const { errors, values } = page
  const problems = SUMMARY_FIELDS.filter(({ key }) => errors[key])
  const commentErrors = [errors.comment, errors.parent, errors.token].filter(Boolean).join('. ')
  const heading = `h${headingLevel}`
  const summary =
    problems.length > 0
      ? [
          '<div class="error-summary" role="alert" aria-labelledby="comment-error-summary-title" tabindex="-1">',
          `<h2 id="comment-error-summary-title">${escapeHtml(COMMENT_WORDS.errorTitle)}</h2>`,
          '<ul>',
          ...problems.map(({ key, id }) => `<li><a href="#${id}">${escapeHtml(errors[key] ?? '')}</a></li>`),
          '</ul>',
          '</div>',
        ].join('')
      : ''
  // The HTML parser drops one newline straight after <textarea>: one more keeps a comment that starts with a blank line.
  const text = values.comment.startsWith('\n') ? `\n${values.comment}` : values.comment
  return [
    `<form method="post" action="${escapeHtml(page.action)}" class="comment-form" novalidate>`,
    summary,
    `<${heading}${headingLevel === 2 ? ' class="section-heading"' : ''}>${escapeHtml(COMMENT_WORDS.formHeading)}</${heading}>`,
    `<p>${escapeHtml(COMMENT_WORDS.formIntro)}</p>`,
    `<input type="hidden" name="${COMMENT_FIELDS.token}" value="${escapeHtml(page.token)}">`,
    values.parent ? `<input type="hidden" name="${COMMENT_FIELDS.parent}" value="${escapeHtml(values.parent)}">` : '',
    textField({
      id: 'comment-name',
      name: COMMENT_FIELDS.name,
      type: 'text',
      autoComplete: 'name',
      required: true,
      maxLength: COMMENT_LIMITS.name,
      label: COMMENT_WORDS.nameLabel,
      hint: COMMENT_WORDS.nameHint,
      error: errors.name,
      value: values.name,
    }),
    textField({
      id: 'comment-email',
      name: COMMENT_FIELDS.email,
      type: 'email',
      autoComplete: 'email',
      maxLength: COMMENT_LIMITS.email,
      label: COMMENT_WORDS.emailLabel,
      hint: COMMENT_WORDS.emailHint,
      error: errors.email,
      value: values.email,
    }),
    textField({
      id: 'comment-website',
      name: COMMENT_FIELDS.website,
      type: 'url',
      autoComplete: 'url',
      maxLength: COMMENT_LIMITS.url,
      label: COMMENT_WORDS.websiteLabel,
      hint: COMMENT_WORDS.websiteHint,
      error: errors.website,
      value: values.website,
    }),
    `<div class="${commentErrors ? 'field field-wide field-with-error' : 'field field-wide'}">`,
    `<label for="comment-text">${escapeHtml(COMMENT_WORDS.commentLabel)}</label>`,
    `<p class="hint" id="comment-text-hint">${escapeHtml(`${COMMENT_WORDS.commentHint} ${COMMENT_WORDS.characterLimit(COMMENT_LIMITS.text)}`)}</p>`,
    fieldError('comment-text-error', commentErrors),
    `<textarea${attributes({
      id: 'comment-text',
      name: COMMENT_FIELDS.comment,
      rows: 8,
      required: true,
      maxlength: COMMENT_LIMITS.text,
      'aria-invalid': commentErrors ? 'true' : undefined,
      'aria-describedby': describedBy('comment-text-hint', commentErrors && 'comment-text-error'),
    })}>${escapeHtml(text)}</textarea>`,
    '</div>',
    '<div class="comment-trap" aria-hidden="true">',
    `<label for="comment-url">${escapeHtml(COMMENT_WORDS.trapLabel)}</label>`,
    `<input id="comment-url" name="${COMMENT_FIELDS.trap}" type="text" tabindex="-1" autocomplete="off" value="">`,
    '</div>',
    `<p class="comment-privacy">${escapeHtml(COMMENT_WORDS.privacy)}</p>`,
    `<button type="submit" class="button button-primary">${escapeHtml(COMMENT_WORDS.send)}</button>`,
    '</form>',
  ].join('\n')
}

/** Without the site's stylesheet (`next dev`), the honeypot and the screen-reader-only words must still be out of sight. */
const FALLBACK_STYLE =
  '<style>.comment-trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}</style>'

/** The whole page: the site's frame (skip link, the site's name), the problem first, then the form with every answer kept. */
export function refusedCommentPage(page: RefusedCommentPage): string {
  const limited = page.problem === 'rate-limited'
  const title = `Error: ${COMMENT_WORDS.formHeading}: ${page.post.title} · ${page.site.name}`
  const banner = limited
    ? [
        '<div class="banner" role="alert">',
        `<h1>${escapeHtml(COMMENT_WORDS.rateLimitedTitle)}</h1>`,
        `<p>${escapeHtml(COMMENT_WORDS.rateLimited(page.retryAfterMinutes ?? 10))}</p>`,
        '</div>',
      ].join('')
    : ''
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(page.site.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    `<title>${escapeHtml(title)}</title>`,
    ...page.stylesheets.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`),
    page.stylesheets.length === 0 ? FALLBACK_STYLE : '',
    page.theme ? `<script src="${escapeHtml(page.theme.src)}" data-storage-key="${escapeHtml(page.theme.storageKey)}"></script>` : '',
    '</head>',
    '<body>',
    '<header class="site-header">',
    '<a href="#main-content" class="skip-link">Skip to main content</a>',
    `<div class="site-header-inner"><a href="${escapeHtml(page.site.home)}" class="site-name">${escapeHtml(page.site.name)}</a></div>`,
    '</header>',
    '<main id="main-content" class="site-main" tabindex="-1">',
    '<article class="comment-form-page">',
    `<p><a href="${escapeHtml(page.post.url)}">${escapeHtml(COMMENT_WORDS.backToPost(page.post.title))}</a></p>`,
    banner,
    form(page, limited ? 2 : 1),
    '</article>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
