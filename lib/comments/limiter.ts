/**
 * Comments per client (lib/http's clientAddress, from TRUSTED_PROXIES, as sign-in
 * counts them), counted by rate-limiter-flexible in memory or Redis. A point is
 * taken for each comment the form accepts (a dropped honeypot one too, so a script
 * learns nothing), before it is stored.
 */
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'
import type { LimiterStore } from '../auth'
import { COMMENT_RATE_LIMIT } from './model'

export type CommentPermit = { allowed: true } | { allowed: false; retryAfterSeconds: number }

export type CommentLimiter = { take: (client: string) => Promise<CommentPermit> }

export function createCommentLimiter(store: LimiterStore, limit = COMMENT_RATE_LIMIT): CommentLimiter {
  // Built on first use, so loading the module (as `next build` does) connects to no store.
  let counter: RateLimiterAbstract | undefined
  return {
    async take(client) {
      counter ??= store({ keyPrefix: 'comment-client', points: limit.points, duration: limit.durationSeconds })
      try {
        await counter.consume(client)
        return { allowed: true }
      } catch (error) {
        // A store error (Redis down) is not a verdict on the client: the caller refuses with 503.
        if (!(error instanceof RateLimiterRes)) throw error
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) }
      }
    },
  }
}
