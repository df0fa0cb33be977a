/**
 * The /api/auth/* handler: next-auth, behind five guards. POST bodies must be
 * what the site's forms send (./form.ts); credential sign-ins are
 * counted by the limiter on the email next-auth will check; the error page
 * redirect carries only known codes; a store that cannot answer (Redis down)
 * gets a 503, never a guess let through or a session thrown away; and a
 * harmless cookie tells the header island someone is signed in.
 */
import 'server-only'
import type { NextRequest } from 'next/server'
import { servedOverHttps } from '../config'
import { serverConfig } from '../config/server'
import { ApiError, PRIVATE_NO_STORE, clientAddress, errorResponse, safeCallbackPath } from '../http'
import { SIGN_IN } from '../routes'
import { normalizeEmail } from './author-store'
import { DEVICE_COOKIE, createDeviceToken, deviceCookieHeader, deviceIdFor } from './device-cookie'
import { readAuthForm } from './form'
import { SIGNED_IN_HINT_COOKIE } from './hint-cookie'
import { SESSION_MAX_AGE_SECONDS, nextAuthHandler, reportingStoreFailures, signInLimiter, signInUnavailableResponse } from './next-auth'
import { authSecret } from './secret-file'
import { SIGN_IN_ERRORS, signInErrorCode, type SignInErrorCode } from './sign-in-errors'

type RouteContext = { params: Promise<{ nextauth: string[] }> }
type Form = Partial<Record<string, string>>

const NO_STORE = { 'Cache-Control': PRIVATE_NO_STORE }

/** Back to the sign-in page with an error summary, keeping where the author was going. */
function signInPageWithError(code: SignInErrorCode, callbackUrl?: string): string {
  const query = new URLSearchParams({ error: code })
  if (callbackUrl) query.set('callbackUrl', safeCallbackPath(callbackUrl))
  return `${SIGN_IN}?${query}`
}

function redirectTo(location: string, status = 303): Response {
  return new Response(null, { status, headers: { Location: location, ...NO_STORE } })
}

function isSignedInResponse(response: Response): boolean {
  return (response.headers.getSetCookie?.() ?? []).some((cookie) => /session-token=[^;]+/.test(cookie))
}

/** The error code in next-auth's answer to a failed sign-in: in its redirect (a form post) or in the `url` of its JSON. */
async function signInFailureCode(response: Response): Promise<SignInErrorCode | undefined> {
  const body: { url?: string } = await response
    .clone()
    .json()
    .catch(() => ({}))
  const location = response.headers.get('location') ?? body.url
  return location ? (signInErrorCode(new URL(location, 'http://x').searchParams.get('error')) ?? 'Default') : undefined
}

async function credentialsSignIn(request: NextRequest, context: RouteContext, form: Form): Promise<Response> {
  const wantsJson = form.json === 'true'
  const email = normalizeEmail(form.email ?? '')
  const secret = authSecret(serverConfig)
  const device = deviceIdFor(request.cookies.get(DEVICE_COOKIE)?.value, email, secret)
  let permit
  try {
    permit = await signInLimiter.begin({ email, client: clientAddress(request.headers, serverConfig.trustedProxies), device })
  } catch (error) {
    // Without a count there is no limit: refuse rather than let the guess through.
    console.error(`sandbank: sign-in is unavailable (503): the sign-in limiter could not count the attempt: ${(error as Error).message}`)
    return wantsJson ? signInUnavailableResponse(NO_STORE) : redirectTo(signInPageWithError('SignInUnavailable', form.callbackUrl))
  }
  if (!permit.allowed) {
    const retryAfter = String(permit.retryAfterSeconds)
    if (wantsJson) return errorResponse(new ApiError('rate_limited', SIGN_IN_ERRORS.RateLimited, { 'Retry-After': retryAfter }), NO_STORE)
    const page = redirectTo(signInPageWithError('RateLimited', form.callbackUrl))
    page.headers.set('Retry-After', retryAfter)
    return page
  }
  const response: Response = await nextAuthHandler(request, context)
  const giveBack = () =>
    permit.succeeded().catch((error: Error) => console.error(`sandbank: the sign-in limiter could not give an attempt back: ${error.message}`))
  if (isSignedInResponse(response)) {
    await giveBack()
    if (!device && secret) response.headers.append('Set-Cookie', deviceCookieHeader(createDeviceToken(email, secret), servedOverHttps))
    return response
  }
  const code = await signInFailureCode(response)
  if (code === 'SignInUnavailable') {
    // The author store failed before any password was checked: the attempt does not count.
    await giveBack()
    if (wantsJson) return signInUnavailableResponse(NO_STORE)
  }
  // A plain form post that failed goes straight back to the form, with the error and the destination.
  if (!wantsJson && code) return redirectTo(signInPageWithError(code, form.callbackUrl))
  return response
}

function withSignedInHint(request: NextRequest, action: string | undefined, response: Response): Response {
  const signedIn = isSignedInResponse(response)
  const signedOut = request.method === 'POST' && action === 'signout'
  if (signedIn || signedOut) {
    const secure = servedOverHttps ? '; Secure' : ''
    const value = signedIn ? `1; Max-Age=${SESSION_MAX_AGE_SECONDS}` : '; Max-Age=0'
    response.headers.append('Set-Cookie', `${SIGNED_IN_HINT_COOKIE}=${value}; Path=/; SameSite=Lax${secure}`)
  }
  return response
}

export async function handleAuthRequest(request: NextRequest, context: RouteContext): Promise<Response> {
  const [action, provider] = (await context.params).nextauth ?? []
  // next-auth would copy ?error= into a Location header unencoded: only known codes go on.
  if (request.method === 'GET' && action === 'error') {
    return redirectTo(signInPageWithError(signInErrorCode(request.nextUrl.searchParams.get('error') ?? provider) ?? 'Default'), 302)
  }
  let form: Form = {}
  if (request.method === 'POST') {
    const read = await readAuthForm(request)
    if (!read.ok) return errorResponse(new ApiError(read.status === 413 ? 'payload_too_large' : 'bad_request', read.problem), NO_STORE)
    form = read.fields
  }
  if (request.method === 'POST' && action === 'callback' && provider === 'credentials') {
    return withSignedInHint(request, action, await credentialsSignIn(request, context, form))
  }
  // A session the author store could not check (Redis down) is refused, and its cookie left for when the store is back.
  const { result: response, storeFailed } = await reportingStoreFailures<Response>(() => nextAuthHandler(request, context))
  if (storeFailed) return signInUnavailableResponse(NO_STORE)
  return withSignedInHint(request, action, response)
}
