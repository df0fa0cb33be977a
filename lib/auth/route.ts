/**
 * The /api/auth/* handler: next-auth, plus a 429 for repeated failed
 * sign-ins and a harmless cookie that tells the header island someone is signed in.
 */
import 'server-only'
import { NextResponse, type NextRequest } from 'next/server'
import { SIGNED_IN_HINT_COOKIE } from './hint-cookie'
import { SESSION_MAX_AGE_SECONDS, clientAddress, nextAuthHandler, signInLimitKeys, signInLimiter } from './next-auth'

type RouteContext = { params: Promise<{ nextauth: string[] }> }

const TOO_MANY = 'Too many failed sign-in attempts. Wait 15 minutes, then try again.'

async function submittedEmail(request: NextRequest): Promise<string> {
  try {
    const form = await request.clone().formData()
    return String(form.get('email') ?? '')
  } catch {
    return ''
  }
}

export async function handleAuthRequest(request: NextRequest, context: RouteContext): Promise<Response> {
  const [action, provider] = (await context.params).nextauth ?? []
  const isCredentialsSignIn = request.method === 'POST' && action === 'callback' && provider === 'credentials'
  if (isCredentialsSignIn) {
    const keys = signInLimitKeys(await submittedEmail(request), clientAddress(request.headers))
    if (keys.some((key) => signInLimiter.isLimited(key))) {
      return NextResponse.json({ error: TOO_MANY }, { status: 429, headers: { 'Retry-After': '900' } })
    }
  }
  const response: Response = await nextAuthHandler(request, context)
  const setCookies = response.headers.getSetCookie?.() ?? []
  const signedIn = setCookies.some((cookie) => /session-token=[^;]+/.test(cookie))
  const signedOut = request.method === 'POST' && action === 'signout'
  if (signedIn || signedOut) {
    const secure = request.nextUrl.protocol === 'https:' ? '; Secure' : ''
    const value = signedIn ? `1; Max-Age=${SESSION_MAX_AGE_SECONDS}` : '; Max-Age=0'
    response.headers.append('Set-Cookie', `${SIGNED_IN_HINT_COOKIE}=${value}; Path=/; SameSite=Lax${secure}`)
  }
  return response
}
