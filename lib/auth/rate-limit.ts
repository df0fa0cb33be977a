/**
 * Sign-in attempts per email, per client and per known device, counted by
 * rate-limiter-flexible. Every attempt takes a point from each of its keys
 * before the password is checked, so a flood of concurrent guesses cannot
 * slip past the count; a correct password gives its points back, so only
 * failures add up. The counters live wherever the store factory puts them:
 * memory for one server process; Redis when several processes must share them
 * (./stores.ts decides from REDIS_URL).
 */
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'
import { REDIS_KEY_PREFIX, whenRedisReady, type RedisClient } from '../redis'

export type LimiterOptions = { keyPrefix: string; points: number; duration: number }
/** Builds one counter; `ready`, where the counters live elsewhere, resolves when that store can count (or rejects). */
export type LimiterStore = ((options: LimiterOptions) => RateLimiterAbstract) & { ready?: () => Promise<void> }

export const memoryLimiterStore: LimiterStore = (options) => new RateLimiterMemory(options)

/**
 * Counters in Redis (`sandbank:signin-email:<email>` and so on, each expiring with
 * its window), shared by every process. The client is node-redis (the `redis`
 * package), hence useRedisPackage. An attempt made while the connection is being
 * remade (Redis just restarted) waits briefly for it (`ready`); if Redis is still
 * away, or stops answering (lib/redis's deadline), every call fails (rejectIfRedisNotReady,
 * and no insurance limiter), so sign-in is refused rather than let through uncounted.
 * `connection` may be a function, called on first use.
 */
export function redisLimiterStore(connection: RedisClient | (() => RedisClient)): LimiterStore {
  const client = typeof connection === 'function' ? connection : () => connection
  const store: LimiterStore = (options) =>
    new RateLimiterRedis({
      ...options,
      keyPrefix: `${REDIS_KEY_PREFIX}${options.keyPrefix}`,
      storeClient: client(),
      useRedisPackage: true,
      rejectIfRedisNotReady: true,
    })
  store.ready = () => whenRedisReady(client())
  return store
}

const FIFTEEN_MINUTES = 15 * 60

/** Failures allowed in a window before 429. */
export const SIGN_IN_LIMITS = {
  /** One account: the guesses an attacker gets at a password, from anywhere. */
  email: { points: 5, duration: FIFTEEN_MINUTES },
  /** One client address, across every email (a password spray). */
  client: { points: 10, duration: FIFTEEN_MINUTES },
  /** One browser that has signed in to this account before; counted instead of the two above. */
  device: { points: 5, duration: FIFTEEN_MINUTES },
}

export type SignInAttemptKeys = { email: string; client: string; device?: string }

export type SignInPermit =
  | { allowed: true; /** Call when the password was right: the attempt's points are given back. */ succeeded: () => Promise<void> }
  | { allowed: false; retryAfterSeconds: number }

export type SignInLimiter = { begin: (keys: SignInAttemptKeys) => Promise<SignInPermit> }

export function createSignInLimiter(store: LimiterStore = memoryLimiterStore, limits = SIGN_IN_LIMITS): SignInLimiter {
  // Built on first use, so loading the module (as `next build` does) connects to no store.
  let built: Record<'email' | 'client' | 'device', RateLimiterAbstract> | undefined
  const counters = () =>
    (built ??= {
      email: store({ keyPrefix: 'signin-email', ...limits.email }),
      client: store({ keyPrefix: 'signin-client', ...limits.client }),
      device: store({ keyPrefix: 'signin-device', ...limits.device }),
    })

  return {
    async begin(keys) {
      await store.ready?.()
      const { email, client, device } = counters()
      // A browser that proved itself with a device cookie is counted on its own, so an attacker
      // who locks the email (or the shared client budget) does not lock its author out.
      const taken: [RateLimiterAbstract, string][] = keys.device
        ? [[device, keys.device]]
        : [
            [email, keys.email],
            [client, keys.client],
          ]
      const results = await Promise.allSettled(taken.map(([counter, key]) => counter.consume(key)))
      const failure = results.find((result) => result.status === 'rejected')
      if (failure) {
        const reason = (failure as PromiseRejectedResult).reason
        // A store error (Redis down) is not a verdict on the client: fail closed, loudly.
        if (!(reason instanceof RateLimiterRes)) throw reason
        // Points taken from the keys that were not over their limit go back: a refused attempt checked no password.
        await Promise.all(results.map((result, index) => (result.status === 'fulfilled' ? taken[index][0].reward(taken[index][1]) : undefined)))
        const waits = results.flatMap((result) =>
          result.status === 'rejected' && result.reason instanceof RateLimiterRes ? [result.reason.msBeforeNext] : [],
        )
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(Math.max(...waits) / 1000)) }
      }
      return {
        allowed: true,
        succeeded: async () => {
          await Promise.all(taken.map(([counter, key]) => counter.reward(key)))
        },
      }
    },
  }
}
