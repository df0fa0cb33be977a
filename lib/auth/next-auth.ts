/**
 * next-auth configuration: email + password against the author store, and
 * GitHub for logins named in an author profile when GITHUB_ID/SECRET are set.
 */
import 'server-only'
import NextAuth, { getServerSession, type NextAuthOptions, type Session } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import GitHubProvider from 'next-auth/providers/github'
import { redirect } from 'next/navigation'
import { serverConfig } from '../config/server'
import { getAuthors } from '../content/server'
import { SIGN_IN, signInUrl } from '../routes'
import { createFileAuthorStore } from './author-store'
import { decoyPasswordHash, verifyPassword } from './passwords'
import { SIGN_IN_LIMIT, createRateLimiter } from './rate-limit'
import { readSecretFile } from './secret-file'

/** How long a sign-in lasts; the header's hint cookie (./route.ts) lasts as long. */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60

/** One limiter per process, shared by the credentials check and the route that answers 429. */
export const signInLimiter = createRateLimiter(SIGN_IN_LIMIT)

export function clientAddress(headers: Headers | Record<string, unknown> | undefined): string {
  const read = (name: string) =>
    headers instanceof Headers ? headers.get(name) : typeof headers?.[name] === 'string' ? (headers[name] as string) : null
  return read('x-forwarded-for')?.split(',')[0]?.trim() || read('x-real-ip') || 'unknown'
}

export function signInLimitKeys(email: string, address: string): string[] {
  return [`email:${email.trim().toLowerCase()}`, `ip:${address}`]
}

/** The author store this process reads. */
const authorStore = createFileAuthorStore(serverConfig.authorsFile)

export function authSecret(): string | undefined {
  return serverConfig.authSecret ?? readSecretFile(serverConfig.secretFile)
}

function allowedGitHubLogins(): Set<string> {
  return new Set(getAuthors().flatMap((author) => (author.github ? [author.github.toLowerCase()] : [])))
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: SIGN_IN, error: SIGN_IN },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, request) {
        const email = credentials?.email ?? ''
        const password = credentials?.password ?? ''
        const author = email ? await authorStore.find(email) : undefined
        // Unknown emails still cost one hash, so timing does not reveal which emails exist.
        const valid = await verifyPassword(password, author?.passwordHash ?? (await decoyPasswordHash()))
        const keys = signInLimitKeys(email, clientAddress(request?.headers))
        if (!author || !valid) {
          keys.forEach((key) => signInLimiter.recordFailure(key))
          return null
        }
        signInLimiter.reset(keys[0])
        return { id: author.email, email: author.email, name: author.name }
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
