/**
 * Next's incremental cache shared through Redis. The handler is a plain ES module that
 * Next loads itself, outside the app bundle; next.config.ts names it when REDIS_URL is set.
 */
import path from 'node:path'

export const NEXT_CACHE_HANDLER = path.resolve('lib/cache/next-cache-handler.mjs')
