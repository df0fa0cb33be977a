/**
 * The comment form's token: `<made at, ms>.<HMAC-SHA256(post.made at)>`, signed
 * with the auth secret. A form sent back within FORM_TOKEN_TIMING.minimumMs of
 * being made is refused (a person reads and types; a script posts at once), and
 * so is one older than its lifetime. A post page is cached, so its token is as old
 * as the page's last render; the form page (/posts/<slug>/comment) makes a fresh one.
 *
 * The key is the build's (formTokenKey): a post page prerendered by `next build` carries a token signed
 * with the secret the build had, and every server of that build checks it with the same key, whichever
 * NEXTAUTH_SECRET it was started with.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { FORM_TOKEN_TIMING } from './model'

export type FormTokenCheck = 'valid' | 'too-soon' | 'expired' | 'invalid'

/** The form key derived from a secret: next.config.ts compiles the build's into SANDBANK_COMMENT_FORM_KEY. */
export function deriveFormTokenKey(secret: string | undefined): string | undefined {
  return secret ? createHmac('sha256', secret).update('sandbank comment form token').digest('base64url') : undefined
}

function sign(post: string, madeAt: string, secret: string): string {
  return createHmac('sha256', `comment-form:${secret}`).update(`${post}.${madeAt}`).digest('base64url')
}

export function createFormToken(post: string, secret: string, now: number = Date.now()): string {
  const madeAt = String(Math.floor(now))
  return `${madeAt}.${sign(post, madeAt, secret)}`
}

export function checkFormToken(token: string, post: string, secret: string, now: number = Date.now(), timing = FORM_TOKEN_TIMING): FormTokenCheck {
  if (token.length > 200) return 'invalid'
  const [madeAt, signature, extra] = token.split('.')
  if (extra !== undefined || !madeAt || !signature || !/^\d{1,15}$/.test(madeAt)) return 'invalid'
  const expected = Buffer.from(sign(post, madeAt, secret))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid'
  const age = now - Number(madeAt)
  if (age < timing.minimumMs) return 'too-soon'
  if (age > timing.lifetimeMs) return 'expired'
  return 'valid'
}
