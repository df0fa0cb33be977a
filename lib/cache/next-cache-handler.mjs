// @ts-check
/**
 * The Next.js incremental cache (ISR pages, route handlers) in Redis, so every
 * `next start` behind the load balancer serves the same version of a page.
 * next.config.ts names this file only when REDIS_URL is set; without it Next
 * keeps its own file cache, as `npm start` always has.
 *
 * Next imports this file itself, outside the app bundle, so it is plain ES
 * module JavaScript and reads REDIS_URL from the environment. The variable is
 * validated with the rest of the configuration (lib/site.ts readServerConfig)
 * when next.config.ts loads, before this runs.
 *
 * Reads go to Redis first and fall back to a per-process LRU when Redis is
 * unreachable; writes go to both. So when Redis goes away, public pages keep
 * being served (from memory, or rendered again), the log says so once, and the
 * client reconnects in the background: no restart when Redis returns.
 */
import { CacheHandler } from '@fortedigital/nextjs-cache-handler'
import createLruHandler from '@fortedigital/nextjs-cache-handler/local-lru'
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings'
import { PHASE_PRODUCTION_BUILD } from 'next/constants.js'
import { createClient } from 'redis'

/** A Redis command slower than this counts as a failure and the page is served locally. */
const REDIS_TIMEOUT_MS = 1000
/** Longest pause between reconnection attempts. */
const MAX_RECONNECT_DELAY_MS = 2000
/** A stale page stays this long after its revalidate time, so it can be served while it regenerates. */
const STALE_KEEP_SECONDS = 24 * 60 * 60

/** The URL without its password, for the log. */
function describe(url) {
  try {
    const parsed = new URL(url)
    parsed.password = ''
    parsed.username = ''
    return parsed.toString()
  } catch {
    return 'REDIS_URL'
  }
}

/** A client that reconnects forever and logs only changes of state (the error event repeats on every retry). */
function connectRedis(url) {
  const where = describe(url)
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: REDIS_TIMEOUT_MS, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, MAX_RECONNECT_DELAY_MS) },
  })
  let state = 'connecting'
  client.on('ready', () => {
    console.log(
      state === 'down'
        ? `sandbank: Redis at ${where} is back; the shared page cache is in use again.`
        : `sandbank: page cache shared through Redis at ${where}.`,
    )
    state = 'up'
  })
  client.on('error', (error) => {
    if (state === 'down') return
    console.warn(
      `sandbank: Redis at ${where} is unreachable (${error?.code ?? error?.message ?? error}); ` +
        'serving pages from this process until it returns, and retrying in the background.',
    )
    state = 'down'
  })
  client.connect().catch(() => {
    // Retried by the reconnect strategy; the error listener has said what happened.
  })
  return client
}

CacheHandler.onCreation(({ buildId }) => {
  const local = createLruHandler({ maxItemsNumber: 1000, maxItemSizeBytes: 64 * 1024 * 1024 })
  const ttl = { estimateExpireAge: (/** @type {number} */ staleAge) => staleAge + STALE_KEEP_SECONDS }
  const url = process.env.REDIS_URL?.trim()
  // `next build` renders into the build folder; only the running servers share Redis.
  if (!url || process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return { handlers: [local], ttl }
  const shared = createRedisHandler({
    client: connectRedis(url),
    // Pages from one build never answer for another: a deploy starts with a clean namespace.
    keyPrefix: `sandbank:next:${buildId ?? 'unknown-build'}:`,
    timeoutMs: REDIS_TIMEOUT_MS,
    keyExpirationStrategy: 'EXAT',
  })
  return { handlers: [shared, local], ttl }
})

export default CacheHandler
