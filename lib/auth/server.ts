/** Sessions and sign-in: next-auth, the /api/auth handler and the limiter it shares. Server-only. */
import 'server-only'

export {
  SESSION_MAX_AGE_SECONDS,
  authOptions,
  authorSession,
  refuseUnlessAuthor,
  requireAuthor,
  signInLimiter,
  signInUrlFor,
  type AuthorSession,
} from './next-auth'
export { handleAuthRequest } from './route'
