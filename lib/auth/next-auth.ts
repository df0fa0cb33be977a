/**
 * next-auth configuration: email + password against the author store, and
 * GitHub for logins named in an author profile when GITHUB_ID/SECRET are set.
 * Every use of a session re-checks it against the store, so removing an
 * author or signing out ends it on the next request. When the store cannot
 * answer (Redis down), the session is not trusted but not thrown away either:
 * callers hear "unavailable" and refuse, and it works again once the store is back.
 */
import 'server-only'
import { AsyncLocalStorage } from 'node:async_hooks'
import NextAuth, { getServerSession, type NextAuthOptions, type Session } from 'next-auth'
import type { JWT } from 'next-auth/jwt'
import CredentialsProvider from 'next-auth/providers/credentials'
import GitHubProvider from 'next-auth/providers/github'
import { redirect } from 'next/navigation'
import { servedOverHttps } from '../config'
import { serverConfig } from '../config/server'
import { getAuthors } from '../content/server'
import { ApiError, errorResponse, safeCallbackPath } from '../http'
import { DRAFTS, SIGN_IN, signInUrl } from '../routes'
import { AuthorStoreError, type AuthorStore } from './author-store'
import { decoyPasswordHash, verifyPassword } from './passwords'
import { createSignInLimiter } from './rate-limit'
import { authSecret } from './secret-file'
import { SIGN_IN_ERRORS, type SignInErrorCode } from './sign-in-errors'
import { authorStoreFor, limiterStoreFor } from './stores'

/** How long a sign-in lasts; the header's hint cookie (./route.ts) lasts as long. */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60

/** The author store this process reads: Redis when REDIS_URL is set, else the file (./stores.ts). */
export const authorStore: AuthorStore = authorStoreFor(serverConfig)

/** The sign-in limiter: counters in Redis, shared by every process, when REDIS_URL is set; else in this process. */
export const signInLimiter = createSignInLimiter(limiterStoreFor(serverConfig))

/** What visitors are told when the author store cannot be read; the details go to the server log. */
const SIGN_IN_UNAVAILABLE: SignInErrorCode = 'SignInUnavailable'

class SessionEnded extends Error {
  constructor(reason: string) {
    super(`Session ended: ${reason}`)
    this.name = 'SessionEnded'
  }
}

function allowedGitHubLogins(): Set<string> {
  return new Set(getAuthors().flatMap((author) => (author.github ? [author.github.toLowerCase()] : [])))
}

type SandbankToken = JWT & { provider?: 'credentials' | 'github'; sessionGeneration?: number; githubLogin?: string }

async function findAuthorOrUnavailable(email: string) {
  try {
    return await authorStore.find(email)
  } catch (error) {
    if (!(error instanceof AuthorStoreError)) throw error
    console.error(`sandbank: sign-in is unavailable: ${error.message}`)
    // next-auth puts a thrown error's message in the address it answers with: only a code goes there.
    throw new Error(SIGN_IN_UNAVAILABLE)
  }
}

/** A session that could not be checked because the author store failed: refused for now, kept for later. */
class SessionUncheckable extends Error {
  constructor(reason: string) {
    super(`Session refused for now: ${reason}`)
    this.name = 'SessionUncheckable'
  }
}

/** Set while a next-auth call runs for reportingStoreFailures, which the jwt callback tells when the store failed. */
const storeFailures = new AsyncLocalStorage<{ failed: boolean }>()

/** Runs a next-auth call; `storeFailed` says a session in it was refused because the author store could not be read. */
export async function reportingStoreFailures<T>(call: () => Promise<T>): Promise<{ result: T; storeFailed: boolean }> {
  const report = { failed: false }
  const result = await storeFailures.run(report, call)
  return { result, storeFailed: report.failed }
}

/** Throws SessionEnded when the token's author is gone or has signed out since it was issued, SessionUncheckable when the store fails. */
async function checkSessionStillValid(token: SandbankToken): Promise<void> {
  if (token.provider === 'github') {
    if (!token.githubLogin || !allowedGitHubLogins().has(token.githubLogin)) throw new SessionEnded('GitHub login no longer allowed')
    return
  }
  let author
  try {
    author = token.email ? await authorStore.find(token.email) : undefined
  } catch (error) {
    if (!(error instanceof AuthorStoreError)) throw error
    const report = storeFailures.getStore()
    if (report) report.failed = true
    throw new SessionUncheckable(error.message)
  }
  if (!author) throw new SessionEnded('author removed')
  if (author.sessionGeneration !== (token.sessionGeneration ?? 0)) throw new SessionEnded('signed out')
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(serverConfig),
  useSecureCookies: servedOverHttps,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: SIGN_IN, error: SIGN_IN },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      // The attempt was already counted by the sign-in limiter in ./route.ts.
      async authorize(credentials) {
        const email = credentials?.email ?? ''
        const password = credentials?.password ?? ''
        const author = email ? await findAuthorOrUnavailable(email) : undefined
        // Unknown emails still cost one hash, so timing does not reveal which emails exist.
        const valid = await verifyPassword(password, author?.passwordHash ?? (await decoyPasswordHash()))
        if (!author || !valid) return null
        return { id: author.email, email: author.email, name: author.name, sessionGeneration: author.sessionGeneration }
      },
    }),
    ...(serverConfig.github ? [GitHubProvider({ clientId: serverConfig.github.clientId, clientSecret: serverConfig.github.clientSecret })] : []),
  ],
  callbacks: {
    async signIn({ account, profile }) {
      if (account?.provider !== 'github') return true
      const login = (profile as { login?: string } | undefined)?.login?.toLowerCase()
      return Boolean(login && allowedGitHubLogins().has(login))
    },
    async jwt({ token, user, account, profile }) {
      const session = token as SandbankToken
      if (user) {
        // Signing in: remember what the session was issued under.
        if (account?.provider === 'github') {
          session.provider = 'github'
          session.githubLogin = (profile as { login?: string } | undefined)?.login?.toLowerCase()
        } else {
          session.provider = 'credentials'
          session.sessionGeneration = (user as { sessionGeneration?: number }).sessionGeneration ?? 0
        }
        return session
      }
      // Every later read of the session; a throw makes next-auth drop the session and clear its cookie.
      await checkSessionStillValid(session)
      return session
    },
    async redirect({ url, baseUrl }) {
      return new URL(safeCallbackPath(url, DRAFTS, baseUrl), baseUrl).toString()
    },
  },
  events: {
    // Signing out ends the token itself (and the author's other sessions), not only this cookie.
    async signOut({ token }) {
      const session = token as SandbankToken | null
      if (session?.provider === 'github' || !session?.email) return
      try {
        await authorStore.endSessions(session.email)
      } catch (error) {
        // next-auth still clears this browser's cookie; the operator can end the rest.
        console.error(
          `sandbank: signing out ${session.email} cleared this browser's cookie, but their other sessions could not be ended: ` +
            `${(error as Error).message}. Once the store is back: npm run author -- signout ${session.email}`,
        )
      }
    },
  },
  logger: {
    error(code, metadata) {
      // next-auth hands errors over flattened to { name, message, stack }, or inside { error }.
      const described = metadata as { name?: string; message?: string; error?: { name?: string; message?: string } } | undefined
      const cause = described?.error ?? described
      // An ended session is routine: one line, not a stack trace. So is one refused while the store is down.
      if (cause?.name === 'SessionEnded') return console.info(`sandbank: ${cause.message}`)
      if (cause?.name === 'SessionUncheckable') return console.warn(`sandbank: ${cause.message}`)
      console.error(`[next-auth][error][${code}]`, metadata)
    },
    warn(code) {
      console.warn(`[next-auth][warn][${code}]`)
    },
    debug() {},
  },
}

export const nextAuthHandler = NextAuth(authOptions)

/** An author's session, none, or "unavailable": there is a session cookie, but the author store could not check it. */
export type AuthorSession = { state: 'signed-in'; session: Session } | { state: 'signed-out' } | { state: 'unavailable' }

export async function authorSession(): Promise<AuthorSession> {
  const { result, storeFailed } = await reportingStoreFailures(() => getServerSession(authOptions))
  if (result) return { state: 'signed-in', session: result }
  return storeFailed ? { state: 'unavailable' } : { state: 'signed-out' }
}

/** Where to send someone who must sign in to see `path`: the sign-in page, saying so when sign-in is unavailable. */
export function signInUrlFor(current: AuthorSession, path: string): string {
  return signInUrl(path, current.state === 'unavailable' ? SIGN_IN_UNAVAILABLE : undefined)
}

/** 503 "Sign-in is unavailable right now", for JSON clients, when the author store or the limiter's store fails. */
export function signInUnavailableResponse(headers: Record<string, string>): Response {
  // Redis is retried every half second, and an attempt waits a second for it: one refused now may try again soon.
  return errorResponse(new ApiError('unavailable', SIGN_IN_ERRORS.SignInUnavailable, { 'Retry-After': '10' }), headers)
}

/** For route handlers that need an author: null when one is signed in, else the answer (401, or 503 while the store cannot check). */
export async function refuseUnlessAuthor(signInMessage: string, headers: Record<string, string>): Promise<Response | null> {
  const current = await authorSession()
  if (current.state === 'signed-in') return null
  if (current.state === 'unavailable') return signInUnavailableResponse(headers)
  return errorResponse(new ApiError('unauthorized', signInMessage), headers)
}

/** The signed-in author's session; anyone else is sent to sign in, to come back to `path`. */
export async function requireAuthor(path: string): Promise<Session> {
  const current = await authorSession()
  if (current.state !== 'signed-in') redirect(signInUrlFor(current, path))
  return current.session
}
