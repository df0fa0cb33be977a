/**
 * next-auth configuration: email + password against the author store, and
 * GitHub for logins named in an author profile when GITHUB_ID/SECRET are set.
 * Every use of a session re-checks it against the store, so removing an
 * author or signing out ends it on the next request.
 */
import 'server-only'
import NextAuth, { getServerSession, type NextAuthOptions, type Session } from 'next-auth'
import type { JWT } from 'next-auth/jwt'
import CredentialsProvider from 'next-auth/providers/credentials'
import GitHubProvider from 'next-auth/providers/github'
import { redirect } from 'next/navigation'
import { servedOverHttps } from '../config'
import { serverConfig } from '../config/server'
import { getAuthors } from '../content/server'
import { safeCallbackPath } from '../http'
import { DRAFTS, SIGN_IN, signInUrl } from '../routes'
import { AuthorStoreError, createFileAuthorStore, type AuthorStore } from './author-store'
import { decoyPasswordHash, verifyPassword } from './passwords'
import { createSignInLimiter } from './rate-limit'
import { authSecret } from './secret-file'
import type { SignInErrorCode } from './sign-in-errors'

/** How long a sign-in lasts; the header's hint cookie (./route.ts) lasts as long. */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60

/** The author store this process reads; a Redis-backed AuthorStore can take its place. */
export const authorStore: AuthorStore = createFileAuthorStore(serverConfig.authorsFile)

/** One limiter per process (memory); pass a Redis LimiterStore to createSignInLimiter to share it. */
export const signInLimiter = createSignInLimiter()

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

/** Throws SessionEnded when the token's author is gone or has signed out since it was issued. */
async function checkSessionStillValid(token: SandbankToken): Promise<void> {
  if (token.provider === 'github') {
    if (!token.githubLogin || !allowedGitHubLogins().has(token.githubLogin)) throw new SessionEnded('GitHub login no longer allowed')
    return
  }
  const author = token.email ? await authorStore.find(token.email) : undefined
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
      if (session?.provider !== 'github' && session?.email) await authorStore.endSessions(session.email)
    },
  },
  logger: {
    error(code, metadata) {
      // next-auth hands errors over flattened to { name, message, stack }, or inside { error }.
      const described = metadata as { name?: string; message?: string; error?: { name?: string; message?: string } } | undefined
      const cause = described?.error ?? described
      // An ended session is routine: one line, not a stack trace.
      if (cause?.name === 'SessionEnded') return console.info(`sandbank: ${cause.message}`)
      console.error(`[next-auth][error][${code}]`, metadata)
    },
    warn(code) {
      console.warn(`[next-auth][warn][${code}]`)
    },
    debug() {},
  },
}

export const nextAuthHandler = NextAuth(authOptions)

export async function getAuthorSession(): Promise<Session | null> {
  return getServerSession(authOptions)
}

/** The signed-in author's session; anyone else is sent to sign in, to come back to `path`. */
export async function requireAuthor(path: string): Promise<Session> {
  const session = await getAuthorSession()
  if (!session) redirect(signInUrl(path))
  return session
}
