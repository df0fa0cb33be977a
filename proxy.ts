import { NextResponse, type NextRequest } from 'next/server'
import { CSRF_TOKEN_HEADER, authSecret, csrfCookieName, csrfTokenFor } from '@/lib/auth'
import { servedOverHttps } from '@/lib/config'
import { serverConfig } from '@/lib/config/server'
import { notFoundPage, plainBadRequest, plainNotFound, redirectFor, withSecurityHeaders } from '@/lib/http'
import { answerSecurityHeaders, contentRedirectsOrNone, isRoutablePath, publicPathExists } from '@/lib/http/server'
import { findContentRedirect } from '@/lib/redirects'
import { API_PREFIX, CARD_PREFIX, COMMENT_MODERATION, GUARDED_PREFIXES, RESERVED_TOP_LEVEL_SEGMENTS, SIGN_IN, SIGN_OUT } from '@/lib/routes'

/** The site's own first segments: an old WordPress page at `/search/` must not take over the site's `/search`. */
const servedHere = (path: string) => RESERVED_TOP_LEVEL_SEGMENTS.includes(path.split('/')[1] ?? '')
/** Set by next.config.ts at build time: the folder this build lives in. */
const DIST_DIR = process.env.SANDBANK_DIST_DIR || '.next'

/** Pages that render next-auth's CSRF token into their forms, so they work without JavaScript (sign-in, and comment moderation). */
const FORM_PAGES = new Set([SIGN_IN, SIGN_OUT, COMMENT_MODERATION])

/** Sets next-auth's CSRF cookie when needed and hands the token to the page through a request header. */
function withCsrfToken(request: NextRequest): NextResponse | undefined {
  const secret = authSecret(serverConfig)
  if (!secret) return undefined
  const cookieName = csrfCookieName(servedOverHttps)
  const { token, cookie } = csrfTokenFor(request.cookies.get(cookieName)?.value, secret)
  const headers = new Headers(request.headers)
  headers.set(CSRF_TOKEN_HEADER, token)
  const response = NextResponse.next({ request: { headers } })
  if (cookie) response.cookies.set(cookieName, cookie, { httpOnly: true, sameSite: 'lax', path: '/', secure: servedOverHttps })
  return response
}

export function proxy(request: NextRequest): Response | undefined {
  const { pathname, search } = request.nextUrl
  if (pathname.startsWith(API_PREFIX)) {
    // Next answers 500 to a route parameter that is not valid percent-encoding.
    return isRoutablePath(pathname) ? undefined : withSecurityHeaders(plainBadRequest(), answerSecurityHeaders())
  }
  // Old addresses the content keeps (an import's permalinks, ?p=12, categories, feeds): one permanent hop each.
  const moved = findContentRedirect(contentRedirectsOrNone(), pathname, search, servedHere)
  if (moved) return withSecurityHeaders(NextResponse.redirect(new URL(moved, request.url), 308), answerSecurityHeaders())
  const redirect = redirectFor(pathname)
  if (redirect) {
    // An absolute URL on the request's own origin: Next turns it into a relative Location.
    return withSecurityHeaders(NextResponse.redirect(new URL(redirect.destination + search, request.url), redirect.status), answerSecurityHeaders())
  }
  if (FORM_PAGES.has(pathname)) return withCsrfToken(request)
  // The dynamic routes that take a slug, tag or page number from the address can name something that does not exist.
  const guarded = GUARDED_PREFIXES.some((prefix) => pathname.startsWith(prefix))
  const exists = guarded ? publicPathExists(pathname) : isRoutablePath(pathname)
  if (exists) return undefined
  return withSecurityHeaders(pathname.startsWith(CARD_PREFIX) ? plainNotFound() : notFoundPage(DIST_DIR), answerSecurityHeaders())
}

// Every address but Next's own build assets: redirects, bad /api addresses, 404s and the form pages' CSRF cookie are answered here.
// (Next reads the matcher only as a literal; a unit test checks it reaches every GUARDED_PREFIXES route.)
export const config = { matcher: ['/((?!_next/static/|_next/image).*)'] }
