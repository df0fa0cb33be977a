// @ts-check
/**
 * Next.js's incremental cache (ISR pages, route handlers), for every server:
 * next.config.ts always names this file. Next imports it itself, outside the
 * app bundle, so it is plain ES module JavaScript and reads REDIS_URL from the
 * environment (validated with the rest of the configuration, lib/config/env.ts
 * readServerConfig, when next.config.ts loads, before this runs).
 *
 * Where entries live:
 * - with REDIS_URL, in Redis, so every `next start` behind the load balancer
 *   serves the same version of a page. Reads go to Redis first and fall back
 *   to a per-process LRU when Redis is unreachable or does not answer within
 *   REDIS_TIMEOUT_MS, then to the pages `next build` prerendered; writes go to
 *   Redis and the LRU, and what is read from Redis is kept in the LRU too. So
 *   when Redis goes away or hangs, public pages keep being served (from memory,
 *   the build's files, or rendered again), the log says so once, and the client
 *   reconnects in the background: no restart when Redis returns. The client is
 *   the process's one connection (lib/redis/client.mjs), which the sign-in
 *   limiter and the author store use too; its deadline holds for every command
 *   sent from here, get, set and the start-up scan alike.
 * - without it, in Next's own file cache in the build folder, as `npm start`
 *   has always had it.
 *
 * Either way nothing is kept, or served from a cache, that belongs to one
 * request (keptForEveryone): an answer with an error status (a 404 says nothing
 * worth keeping, and a scheduled post's address is a 404 until its date), a
 * render of Next's own 404 page (the copy `next build` made is served instead,
 * the same for everyone), or a page rendered for an address with a query
 * string, which Next 16.4 writes into the page's RSC payload (the `q` and `c`
 * of its router state) and would then serve to every later reader.
 */
import { CacheHandler } from '@fortedigital/nextjs-cache-handler'
import createLruHandler from '@fortedigital/nextjs-cache-handler/local-lru'
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings'
import { PHASE_PRODUCTION_BUILD } from 'next/constants.js'
import fileSystemCacheModule from 'next/dist/server/lib/incremental-cache/file-system-cache.js'
import { REDIS_KEY_PREFIX, REDIS_TIMEOUT_MS, sharedRedisClient } from '../redis/client.mjs'

/** Next's own file cache (the one it uses when no handler is named): a CommonJS module with a default export. */
const FileSystemCache = /** @type {typeof import('next/dist/server/lib/incremental-cache/file-system-cache.js').default} */ (
  /** @type {{ default?: unknown }} */ (fileSystemCacheModule).default ?? fileSystemCacheModule
)

/** A stale page stays this long after its revalidate time, so it can be served while it regenerates. */
const STALE_KEEP_SECONDS = 24 * 60 * 60

const REDIS_URL = process.env.REDIS_URL?.trim() || undefined
/** `next build` renders into the build folder; only the running servers share Redis. */
const SHARED = Boolean(REDIS_URL) && process.env.NEXT_PHASE !== PHASE_PRODUCTION_BUILD

CacheHandler.onCreation(({ buildId }) => {
  const local = createLruHandler({ maxItemsNumber: 1000, maxItemSizeBytes: 64 * 1024 * 1024 })
  const ttl = { estimateExpireAge: (/** @type {number} */ staleAge) => staleAge + STALE_KEEP_SECONDS }
  if (!SHARED || !REDIS_URL) return { handlers: [local], ttl }
  const redis = createRedisHandler({
    // The process's one connection, shared with the sign-in limiter and the author store (lib/redis).
    client: sharedRedisClient(REDIS_URL),
    // Pages from one build never answer for another: a deploy starts with a clean namespace.
    keyPrefix: `${REDIS_KEY_PREFIX}next:${buildId ?? 'unknown-build'}:`,
    timeoutMs: REDIS_TIMEOUT_MS,
    keyExpirationStrategy: 'EXAT',
  })
  /** @type {typeof redis} */
  const shared = {
    ...redis,
    // What this process serves from Redis it keeps in its own memory too: if Redis goes away or
    // hangs, a page it has served answers from there instead of being rendered again. Once per
    // version of a page: the LRU weighs what it stores by serialising it, tens of milliseconds
    // for a page, which no read should pay.
    async get(key, meta) {
      const entry = await redis.get(key, meta)
      if (entry && keptForEveryone(key, entry.value) && (await local.get(key, meta))?.lastModified !== entry.lastModified) {
        await local.set(key, entry)
      }
      return entry
    },
  }
  return { handlers: [shared, local], ttl }
})

/** Next's cache key for its own 404 page (the `_not-found` route), whichever route rendered it. */
const isNotFoundPage = (/** @type {string} */ key) => key.endsWith('/$/_not-found')

/**
 * The query string a page was rendered for, read from the root row (`0:`) of its RSC payload,
 * where Next keeps it for the client router; '' when it had none.
 * @param {unknown} value
 */
function renderedSearch(value) {
  const page = /** @type {{ kind?: string; rscData?: Buffer | string } | null | undefined} */ (value)
  if (page?.kind !== 'APP_PAGE' || !page.rscData) return ''
  // The root row comes after the module rows, well within the first kilobytes.
  const flight = (typeof page.rscData === 'string' ? page.rscData : page.rscData.subarray(0, 32 * 1024).toString('utf8')).slice(0, 32 * 1024)
  const root = flight.startsWith('0:') ? 0 : flight.indexOf('\n0:') + 1
  if (root === 0 && !flight.startsWith('0:')) return ''
  return /^0:\{[^\n]*?"q":"((?:[^"\\\n]|\\.)*)"/.exec(flight.slice(root))?.[1] ?? ''
}

/**
 * Whether a rendered answer may be kept and served to anyone: not an error, not Next's own 404
 * page rendered for one request, not a page rendered for an address with a query string.
 * @param {string} key
 * @param {unknown} value
 */
function keptForEveryone(key, value) {
  const status = /** @type {{ status?: number } | null | undefined} */ (value)?.status
  return !isNotFoundPage(key) && (status === undefined || status < 400) && renderedSearch(value) === ''
}

/**
 * @typedef {{ get(key: string, ctx: any): Promise<any>; set(key: string, data: any, ctx: any): Promise<void>;
 *   revalidateTag(...args: any[]): Promise<void>; resetRequestCache?(): void }} NextCacheHandler
 */

/** @implements {NextCacheHandler} */
export default class SandbankCacheHandler {
  /** @param {any} context what Next gives a cache handler: the build folder, its file system, the request's headers */
  constructor(context) {
    /** @type {NextCacheHandler} */
    this.store = REDIS_URL ? new CacheHandler(context) : new FileSystemCache(context)
    /** What `next build` wrote, read only: Next's own 404 page, and every prerendered page for when Redis fails. */
    this.built = REDIS_URL ? new FileSystemCache({ ...context, flushToDisk: false, maxMemoryCacheSize: 0 }) : this.store
  }

  /**
   * @param {string} key
   * @param {any} ctx
   */
  async get(key, ctx) {
    // The copy next build made holds nothing of any request; one rendered since (an older version's) might.
    if (isNotFoundPage(key)) {
      const built = await this.built.get(key, ctx)
      return built && renderedSearch(built.value) === '' ? built : null
    }
    let entry = await this.store.get(key, ctx)
    // Redis failed (or hangs) and this process has no copy in memory: the build's, if it prerendered one.
    if (!entry && SHARED && REDIS_URL && !sharedRedisClient(REDIS_URL).isReady) entry = await this.built.get(key, ctx)
    return entry && keptForEveryone(key, entry.value) ? entry : null
  }

  /**
   * @param {string} key
   * @param {any} data
   * @param {any} ctx
   */
  async set(key, data, ctx) {
    if (keptForEveryone(key, data)) await this.store.set(key, data, ctx)
  }

  /** @param {any[]} args */
  revalidateTag(...args) {
    return this.store.revalidateTag(...args)
  }

  resetRequestCache() {
    this.store.resetRequestCache?.()
  }
}
