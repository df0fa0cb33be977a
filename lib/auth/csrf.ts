/**
 * next-auth's CSRF protection is a double-submit cookie: `token|sha256(token + secret)`
 * in an HttpOnly cookie, and the token in the posted form. The sign-in and
 * sign-out pages are rendered on the server with the token already in the
 * form, so they work without JavaScript; proxy.ts sets the cookie, because a
 * page render cannot. The format must stay next-auth's (checked by a unit
 * test against next-auth's own code).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** Carries the token from proxy.ts to the page that renders it; proxy.ts always overwrites it. */
export const CSRF_TOKEN_HEADER = 'x-sandbank-csrf-token'

export function csrfCookieName(secure: boolean): string {
  return `${secure ? '__Host-' : ''}next-auth.csrf-token`
}

function digest(token: string, secret: string): string {
  return createHash('sha256').update(`${token}${secret}`).digest('hex')
}

/** The token in a valid cookie, or a new token with the cookie value to set. */
export function csrfTokenFor(cookieValue: string | undefined, secret: string): { token: string; cookie?: string } {
  const [token, hash] = cookieValue?.split('|') ?? []
  if (token && hash) {
    const expected = Buffer.from(digest(token, secret))
    const given = Buffer.from(hash)
    if (given.length === expected.length && timingSafeEqual(given, expected)) return { token }
  }
  const fresh = randomBytes(32).toString('hex')
  return { token: fresh, cookie: `${fresh}|${digest(fresh, secret)}` }
}
