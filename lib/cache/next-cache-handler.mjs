// @ts-check
/**
 * The Next.js incremental cache (ISR pages, route handlers) in Redis, so every
 * `next start` behind the load balancer serves the same version of a page.
 * next.config.ts names this file only when REDIS_URL is set; without it Next
 * keeps its own file cache, as `npm start` always has.
 *
 * Next imports this file itself, outside the app bundle, so it is plain ES
 * module JavaScript and reads REDIS_URL from the environment. The variable is
 * validated with the rest of the configuration (lib/config/env.ts readServerConfig)
 * when next.config.ts loads, before this runs.
 *
 * Reads go to Redis first and fall back to a per-process LRU when Redis is
 * unreachable or does not answer within REDIS_TIMEOUT_MS; writes go to both.
 * So when Redis goes away or hangs, public pages keep being served (from
 * memory, or rendered again), the log says so once, and the client reconnects
 * in the background: no restart when Redis returns. The client is the
 * process's one connection (lib/redis/client.mjs), which the sign-in limiter
 * and the author store use too; its deadline holds for every command the
 * handler sends, its get, set and start-up scan alike.
 */
import { CacheHandler } from '@fortedigital/nextjs-cache-handler'
import createLruHandler from '@fortedigital/nextjs-cache-handler/local-lru'
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings'
import { PHASE_PRODUCTION_BUILD } from 'next/constants.js'
import { REDIS_KEY_PREFIX, REDIS_TIMEOUT_MS, sharedRedisClient } from '../redis/client.mjs'

/** A stale page stays this long after its revalidate time, so it can be served while it regenerates. */
const STALE_KEEP_SECONDS = 24 * 60 * 60

CacheHandler.onCreation(({ buildId }) => {
  const local = createLruHandler({ maxItemsNumber: 1000, maxItemSizeBytes: 64 * 1024 * 1024 })
  const ttl = { estimateExpireAge: (/** @type {number} */ staleAge) => staleAge + STALE_KEEP_SECONDS }
  const url = process.env.REDIS_URL?.trim()
  // `next build` renders into the build folder; only the running servers share Redis.
  if (!url || process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return { handlers: [local], ttl }
  const redis = createRedisHandler({
    // The process's one connection, shared with the sign-in limiter and the author store (lib/redis).
    client: sharedRedisClient(url),
    // Pages from one build never answer for another: a deploy starts with a clean namespace.
    keyPrefix: `${REDIS_KEY_PREFIX}next:${buildId ?? 'unknown-build'}:`,
    timeoutMs: REDIS_TIMEOUT_MS,
    keyExpirationStrategy: 'EXAT',
  })
  /** @type {typeof redis} */
  const shared = {
    ...redis,
    // What this process serves from Redis it keeps in its own memory too: if Redis goes away or
    // hangs, a page it has served answers from there instead of being rendered again.
    async get(key, meta) {
      const entry = await redis.get(key, meta)
      if (entry) await local.set(key, entry)
      return entry
    },
  }
  return { handlers: [shared, local], ttl }
})

export default CacheHandler
