/**
 * Authors and what proves who they are: the author store (a file, or Redis when
 * REDIS_URL is set: ./stores.ts decides) and its check at server start,
 * passwords, share-link tokens, the CSRF token the sign-in forms carry, the
 * sign-in error messages and the sign-in hint cookie.
 * Nothing here needs Next, so scripts use it too. Sessions, next-auth and the
 * /api/auth handler are server-only, in ./server.ts.
 */
export {
  AuthorStoreError,
  AuthorStoreUnavailableError,
  createFileAuthorStore,
  readAuthors,
  type AuthorStore,
  type StoredAuthor,
} from './author-store'
export { CSRF_TOKEN_HEADER, csrfCookieName, csrfTokenFor } from './csrf'
export { SIGNED_IN_HINT_COOKIE } from './hint-cookie'
export { generatePassword, verifyPassword } from './passwords'
export { createRedisAuthorStore, type RedisAuthorStore } from './redis-author-store'
export { authSecret, readSecretFile } from './secret-file'
export { checkShareToken, createShareToken, shareExpiry, type ShareCheck } from './share-links'
export { SIGN_IN_ERRORS, signInErrorMessage, type SignInErrorCode } from './sign-in-errors'
export { checkAuthorStoreAtStart, checkSettingsAgainstBuildAtStart, conflictsWithBuild } from './startup-checks'
export { authorStoreFor, authorStoreLocation, limiterStoreFor } from './stores'
export type { LimiterStore } from './rate-limit'
