/**
 * Comments on the server: what a post page shows, the form's route handler, the
 * moderation page's data and its actions. Server-only: it reads the author
 * session and secrets.
 */
import 'server-only'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { revalidatePath } from 'next/cache'
import { after } from 'next/server'
import { authorStoreFor, authSecret, csrfCookieName, csrfTokenFor } from '../auth'
import { refuseUnlessAuthor } from '../auth/server'
import { absoluteUrl, servedOverHttps, site } from '../config'
import { serverConfig } from '../config/server'
import type { Post } from '../content'
import { getPublishedPost, getUnpublishedPost, readDocumentComments } from '../content/server'
import { post as postKind } from '../documents'
import { ApiError, PRIVATE_NO_STORE, clientAddress, isSameOrigin, jsonResponse, notFoundPage, prerenderedStylesheets, withApiErrors } from '../http'
import { THEME_STORAGE_KEY } from '../preferences'
import { COMMENT_MODERATION, HOME, commentFormUrl, commentHeldUrl, commentPageUrl, commentPostUrl, postUrl } from '../routes'
import { checkCommentValues, readCommentForm, type CommentFormErrors, type CommentFormValues } from './form'
import { sendCommentNotice } from './mail'
import { normalizeCommentEmail, EMAIL_PATTERN, type CommentsSetting, type ShownComment, type StoredComment } from './model'
import { refusedCommentPage } from './refused-page'
import { shownFromImported, shownFromStored, exportForPerson } from './shown'
import { CommentStoreError, type CommentAttempt } from './store'
import { commentLimiterFor, commentStoreFor } from './stores'
import { layOutComments, type LaidOutComments } from './threads'
import { checkFormToken, createFormToken, deriveFormTokenKey } from './token'
import { COMMENT_WORDS, MODERATION_WORDS } from './words'

export const commentStore = commentStoreFor(serverConfig)
const commentLimiter = commentLimiterFor(serverConfig)
const authorStore = authorStoreFor(serverConfig)

/** Set by next.config.ts at build time: the folder this build lives in (the 404 page is read from it). */
const DIST_DIR = process.env.SANDBANK_DIST_DIR || '.next'
const NO_STORE = { 'Cache-Control': PRIVATE_NO_STORE }

/** A post's imported comments, as the content build checked them (content/comments/<slug>.json); sanitised when shown. */
async function readImportedComments(post: Pick<Post, 'slug' | 'commentCount'>): Promise<ShownComment[]> {
  return (await readDocumentComments(postKind, post)) as ShownComment[]
}

/** Whether a post shows comments and takes new ones: SITE_COMMENTS=off wins, then the post's front matter (lib/documents). */
export function commentsSetting(post: Pick<Post, 'comments'>): CommentsSetting {
  if (!site.comments || post.comments === false) return 'off'
  return post.comments ?? 'open'
}

export type PostComments = { state: 'off' } | { state: 'shown'; setting: 'open' | 'closed'; laid: LaidOutComments; live: 'read' | 'unavailable' }

/**
 * Every comment a post shows: imported ones from the content store and readers'
 * approved ones from the comment store, laid out in threads and pages. If the
 * store cannot be read (Redis down), the imported ones are shown with a note,
 * rather than failing the page.
 */
export async function postComments(post: Post): Promise<PostComments> {
  const setting = commentsSetting(post)
  if (setting === 'off') return { state: 'off' }
  const imported = (await readImportedComments(post)).map(shownFromImported)
  let live: ShownComment[] = []
  let state: 'read' | 'unavailable' = 'read'
  try {
    live = (await commentStore.approvedFor(post.slug)).map(shownFromStored)
  } catch (error) {
    if (!(error instanceof CommentStoreError)) throw error
    console.error(`sandbank: the comments of ${postUrl(post)} are shown without readers' comments: ${error.message}`)
    state = 'unavailable'
  }
  return { state: 'shown', setting, laid: layOutComments([...imported, ...live]), live: state }
}

/** The build's form key (./token.ts), or one from this process's secret where the build compiled none in (next dev). */
function formTokenKey(): string | undefined {
  return process.env.SANDBANK_COMMENT_FORM_KEY || deriveFormTokenKey(authSecret(serverConfig))
}

/** A token for a form made now; empty without a key (the form is then sent back with a fresh one). */
export function formTokenNow(post: Pick<Post, 'slug'>): string {
  const key = formTokenKey()
  return key ? createFormToken(post.slug, key) : ''
}

/** A comment readers may reply to: approved, on this post (imported or written here). */
async function isReplyable(post: Post, id: string): Promise<boolean> {
  if ((await readImportedComments(post)).some((comment) => comment.id === id && comment.kind === 'comment')) return true
  const found = await commentStore.find(id)
  return found?.post === post.slug && found.status === 'approved'
}

/** The comment a reply answers, for the form page's heading. */
export async function replyTarget(post: Post, id: string | undefined): Promise<ShownComment | undefined> {
  if (!id) return undefined
  const imported = (await readImportedComments(post)).find((comment) => comment.id === id && comment.kind === 'comment')
  if (imported) return shownFromImported(imported)
  const found = await commentStore.find(id).catch(() => undefined)
  return found?.post === post.slug && found.status === 'approved' ? shownFromStored(found) : undefined
}

// ---------------------------------------------------------------------------------------------
// The form shown again: a refused form is kept in the comment store (shared by every process) for a
// few minutes, and the POST answers 303 to the form page with its key, which shows it once, with the
// reader's words and an error summary. Nothing is fetched or rendered inside the route handler.
// ---------------------------------------------------------------------------------------------

export type { CommentAttempt, FormProblem } from './store'

/** The attempt kept for the form page, once; undefined if it was taken already, is old, or the store cannot say. */
export async function takeAttempt(key: string | undefined, post: string): Promise<CommentAttempt | undefined> {
  if (!key) return undefined
  try {
    const attempt = await commentStore.takeAttempt(key)
    return attempt?.post === post ? attempt : undefined
  } catch (error) {
    console.error(`sandbank: a comment form could not be shown again: ${(error as Error).message}`)
    return undefined
  }
}

/**
 * Back to the form page with what the reader typed and what was wrong. If the store cannot keep it
 * (down), the answer is a 503 saying so: the browser's Back button still has their words.
 */
async function backToForm(post: Post, attempt: Omit<CommentAttempt, 'post'>, headers: Record<string, string> = {}): Promise<Response> {
  let key: string
  try {
    key = await commentStore.keepAttempt({ ...attempt, post: post.slug })
  } catch (error) {
    console.error(`sandbank: a refused comment on ${postUrl(post)} could not be kept for its form (503): ${(error as Error).message}`)
    throw new ApiError('unavailable', COMMENT_WORDS.unavailableBody, { 'Retry-After': '60' })
  }
  return new Response(null, { status: 303, headers: { Location: commentFormUrl(post, { attempt: key }), ...NO_STORE, ...headers } })
}

/**
 * The refusals the issue gives their own status, answered here with the form again as a whole page (./refused-page.ts):
 * 400 for a comment over the length or link limit, 429 (with Retry-After) for the per-client limit. Nothing is kept.
 */
function refusedWithStatus(
  post: Post,
  refusal: { status: 400; errors: CommentFormErrors } | { status: 429; retryAfterSeconds: number },
  values: CommentFormValues,
  token: string,
): Response {
  const limited = refusal.status === 429
  const html = refusedCommentPage({
    problem: limited ? 'rate-limited' : 'errors',
    site: { name: site.name, language: site.language, home: HOME },
    post: { title: post.title, url: postUrl(post) },
    action: commentPostUrl(post),
    token,
    values,
    errors: limited ? {} : refusal.errors,
    retryAfterMinutes: limited ? Math.max(1, Math.ceil(refusal.retryAfterSeconds / 60)) : undefined,
    stylesheets: prerenderedStylesheets(DIST_DIR),
    theme: { src: '/theme.js', storageKey: THEME_STORAGE_KEY },
  })
  return new Response(html, {
    status: refusal.status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      ...NO_STORE,
      ...(limited ? { 'Retry-After': String(Math.max(1, Math.ceil(refusal.retryAfterSeconds))) } : {}),
    },
  })
}

function redirect303(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, ...NO_STORE } })
}

/** A refusal of a request no page of the site sends: the one JSON error answer (lib/http), through withApiErrors. */
const STORE_UNAVAILABLE = () =>
  new ApiError('unavailable', 'The comment store cannot be reached right now. Try again in a minute.', { 'Retry-After': '60' })

/** Tells the authors by email, after the answer has gone, when SMTP_URL is set. */
function notifyAuthors(comment: StoredComment, post: Post): void {
  const smtpUrl = serverConfig.smtpUrl
  if (!smtpUrl) return
  after(async () => {
    try {
      const to = (await authorStore.list()).map((author) => author.email)
      await sendCommentNotice({ smtpUrl, from: serverConfig.mailFrom }, to, {
        comment,
        postTitle: post.title,
        moderationUrl: absoluteUrl(COMMENT_MODERATION),
        siteName: site.name,
      })
    } catch (error) {
      console.error(`sandbank: could not email the authors about a comment on ${postUrl(post)}: ${(error as Error).message}`)
    }
  })
}

/** POST /posts/<slug>/comments: the form, from a reader's browser, with or without JavaScript. */
export async function handleCommentPost(request: Request, slug: string): Promise<Response> {
  const post = getPublishedPost(slug)
  // Drafts, scheduled posts, closed posts and posts without comments: nothing to comment on here.
  if (!post || commentsSetting(post) !== 'open') return notFoundPage(DIST_DIR)
  if (!isSameOrigin(request.headers)) throw new ApiError('forbidden', 'Comments are sent from this site’s own pages.')
  const form = await readCommentForm(request)
  if (!form.ok) throw new ApiError(form.status === 413 ? 'payload_too_large' : 'bad_request', form.problem)
  const key = formTokenKey()
  const tokenCheck = key ? checkFormToken(form.token, post.slug, key) : 'invalid'
  const keptToken = tokenCheck === 'valid' || tokenCheck === 'too-soon' ? form.token : formTokenNow(post)
  const client = clientAddress(request.headers, serverConfig.trustedProxies)

  if (form.trapFilled) {
    // A script filled the hidden field: the usual answer, a point off its allowance, and nothing kept.
    await commentLimiter.take(client).catch(() => undefined)
    return redirect303(commentHeldUrl(post))
  }
  const checked = checkCommentValues(form.values)
  const errors: CommentFormErrors = { ...checked.errors }
  if (tokenCheck !== 'valid') {
    errors.token = { 'too-soon': COMMENT_WORDS.errors.tooSoon, expired: COMMENT_WORDS.errors.expired, invalid: COMMENT_WORDS.errors.tokenInvalid }[
      tokenCheck
    ]
  }
  if (checked.comment?.parent && !(await isReplyable(post, checked.comment.parent).catch(() => false)))
    errors.parent = COMMENT_WORDS.errors.parentMissing
  const values = { ...form.values, parent: errors.parent ? '' : form.values.parent }
  // Over the length (more than the textarea takes) or the link limit: a 400, the form again with every problem and answer.
  if (checked.tooLarge) return refusedWithStatus(post, { status: 400, errors }, values, keptToken)
  if (Object.keys(errors).length > 0 || !checked.comment) return backToForm(post, { values, errors, problem: 'errors', token: keptToken })

  let permit
  try {
    permit = await commentLimiter.take(client)
  } catch (error) {
    console.error(`sandbank: a comment was refused (503): the limiter could not count it: ${(error as Error).message}`)
    return backToForm(post, { values, errors: {}, problem: 'unavailable', token: keptToken })
  }
  if (!permit.allowed) return refusedWithStatus(post, { status: 429, retryAfterSeconds: permit.retryAfterSeconds }, values, keptToken)
  let stored: StoredComment
  try {
    stored = await commentStore.add({ post: post.slug, ...checked.comment })
  } catch (error) {
    console.error(`sandbank: a comment on ${postUrl(post)} could not be kept (503): ${(error as Error).message}`)
    return backToForm(post, { values, errors: {}, problem: 'unavailable', token: keptToken })
  }
  notifyAuthors(stored, post)
  return redirect303(commentHeldUrl(post))
}

// ---------------------------------------------------------------------------------------------
// Moderation: /drafts/comments lists, each comment's own form posts here. Every form carries the
// CSRF token proxy.ts set for the page (next-auth's double-submit cookie, as sign-in's forms do).
// ---------------------------------------------------------------------------------------------

export type ModerationDone = keyof typeof MODERATION_WORDS.done

/** Whether the form's CSRF token matches this browser's signed cookie. */
function csrfMatches(request: Request, token: string | undefined): boolean {
  const secret = authSecret(serverConfig)
  const cookieName = csrfCookieName(servedOverHttps)
  const cookie = request.headers
    .get('cookie')
    ?.split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${cookieName}=`))
    ?.slice(cookieName.length + 1)
  if (!secret || !cookie || !token) return false
  const { token: expected, cookie: fresh } = csrfTokenFor(decodeURIComponent(cookie), secret)
  return !fresh && expected === token
}

/** The moderation form's fields, or a redirect back when its CSRF token does not match; a malformed form is an ApiError. */
async function readModerationForm(request: Request, fields: readonly string[]): Promise<Record<string, string> | Response> {
  if ((request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase() !== 'application/x-www-form-urlencoded') {
    throw new ApiError('bad_request', 'Send the form as application/x-www-form-urlencoded.')
  }
  const text = await request.text()
  if (text.length > 4096) throw new ApiError('payload_too_large', 'The form is too large.')
  const form: Record<string, string> = {}
  for (const [name, value] of new URLSearchParams(text)) {
    if (!fields.includes(name) || name in form) throw new ApiError('bad_request', `The form has an unexpected field "${name.slice(0, 40)}".`)
    form[name] = value
  }
  if (!isSameOrigin(request.headers) || !csrfMatches(request, form.csrfToken)) return redirect303(`${COMMENT_MODERATION}?problem=csrf`)
  return form
}

let previewModeId: string | null | undefined

/** This build's on-demand revalidation secret (Next's prerender manifest): a request carrying it is rendered afresh. */
function onDemandRevalidationSecret(): string | undefined {
  if (previewModeId === undefined) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(/* turbopackIgnore: true */ process.cwd(), DIST_DIR, 'prerender-manifest.json'), 'utf8'))
      previewModeId = (manifest as { preview?: { previewModeId?: string } }).preview?.previewModeId ?? null
    } catch {
      previewModeId = null // `next dev` has no manifest, and no nginx in front
    }
  }
  return previewModeId ?? undefined
}

/**
 * Has nginx replace its cached copy of each page now (PAGE_CACHE_REFRESH_URL, deploy/nginx/sandbank.conf):
 * the request carries the build's on-demand revalidation header, so whichever process answers renders the
 * page afresh rather than from its cache, and nginx stores that render.
 */
async function refreshPageCache(paths: string[]): Promise<void> {
  const base = serverConfig.pageCacheRefreshUrl
  const secret = onDemandRevalidationSecret()
  if (!base || !secret) return
  for (const pathname of paths) {
    try {
      const response = await fetch(new URL(pathname, base), {
        headers: { 'x-prerender-revalidate': secret },
        cache: 'no-store',
        signal: AbortSignal.timeout(15_000),
      })
      await response.arrayBuffer()
      if (!response.ok && response.status !== 404) console.error(`sandbank: refreshing the page cache for ${pathname} answered ${response.status}`)
    } catch (error) {
      console.error(
        `sandbank: could not refresh the page cache for ${pathname} (it shows the change within its lifetime): ${(error as Error).message}`,
      )
    }
  }
}

/** The post pages a change to a post's comments shows on: the post, and every page of its comments, here and in nginx's cache. */
async function refreshPostPages(post: string): Promise<void> {
  const published = getPublishedPost(post)
  if (!published) return
  const comments = await postComments(published)
  const pages = comments.state === 'shown' ? comments.laid.pages : 1
  // One page more than there are now: a deletion may have emptied the last one.
  const paths = Array.from({ length: pages + 1 }, (_, index) => (index === 0 ? postUrl(published) : commentPageUrl(published, index + 1)))
  for (const pathname of paths) revalidatePath(pathname)
  await refreshPageCache(paths)
}

/** How many approved comments the moderation page lists, most recently approved first. */
const APPROVED_SHOWN = 50

/** What the moderation page lists: pending comments newest first, and the most recently approved, each with its post's title. */
export async function moderationQueue(): Promise<{
  pending: (StoredComment & { postTitle: string })[]
  approved: (StoredComment & { postTitle: string })[]
}> {
  const titled = (comment: StoredComment) => ({
    ...comment,
    postTitle: (getPublishedPost(comment.post) ?? getUnpublishedPost(comment.post))?.title ?? comment.post,
  })
  const [pending, approved] = await Promise.all([commentStore.pending(), commentStore.recentlyApproved(APPROVED_SHOWN)])
  return { pending: pending.map(titled), approved: approved.map(titled) }
}

/** A moderation form's route handler: signed-in authors only, refusals as the one JSON error answer. */
export function moderationRoute(handle: (request: Request) => Promise<Response>): (request: Request) => Promise<Response> {
  return withApiErrors(async (request: Request) => (await refuseUnlessAuthor('Sign in to moderate comments.', NO_STORE)) ?? handle(request), NO_STORE)
}

/** POST /drafts/comments/moderate: approve, reject (delete) or delete one comment (moderationRoute has checked the author). */
export async function handleModeration(request: Request): Promise<Response> {
  const form = await readModerationForm(request, ['csrfToken', 'id', 'action'])
  if (form instanceof Response) return form
  const { id = '', action = '' } = form
  let done: ModerationDone
  try {
    if (action === 'approve') {
      const approved = await commentStore.approve(id)
      done = approved ? 'approved' : 'gone'
      if (approved) await refreshPostPages(approved.post)
    } else if (action === 'reject' || action === 'delete') {
      const removed = await commentStore.remove(id)
      done = removed ? (action === 'reject' ? 'rejected' : 'deleted') : 'gone'
      if (removed?.status === 'approved') await refreshPostPages(removed.post)
    } else throw new ApiError('bad_request', 'Unknown action.')
  } catch (error) {
    if (!(error instanceof CommentStoreError)) throw error
    console.error(`sandbank: moderation failed (503): ${error.message}`)
    throw STORE_UNAVAILABLE()
  }
  return redirect303(`${COMMENT_MODERATION}?done=${done}`)
}

/** POST /drafts/comments/person: a person's comments, downloaded or deleted, by their email. */
export async function handlePersonRequest(request: Request): Promise<Response> {
  const form = await readModerationForm(request, ['csrfToken', 'email', 'action'])
  if (form instanceof Response) return form
  const email = normalizeCommentEmail(form.email ?? '')
  if (!EMAIL_PATTERN.test(email)) return redirect303(`${COMMENT_MODERATION}?problem=email`)
  try {
    if (form.action === 'export') {
      const data = exportForPerson(email, await commentStore.byEmail(email), (post) => absoluteUrl(postUrl({ slug: post })))
      return jsonResponse(data, {
        headers: { 'Content-Disposition': `attachment; filename="comments-${email.replace(/[^a-z0-9.@_-]/g, '_')}.json"`, ...NO_STORE },
      })
    }
    if (form.action !== 'delete') throw new ApiError('bad_request', 'Unknown action.')
    const removed = await commentStore.removeByEmail(email)
    for (const post of new Set(removed.filter((comment) => comment.status === 'approved').map((comment) => comment.post)))
      await refreshPostPages(post)
    return redirect303(`${COMMENT_MODERATION}?done=erased&count=${removed.length}`)
  } catch (error) {
    if (!(error instanceof CommentStoreError)) throw error
    throw STORE_UNAVAILABLE()
  }
}
