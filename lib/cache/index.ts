/**
 * Next's incremental cache: shared through Redis when REDIS_URL is set, Next's own file cache
 * otherwise, and never keeping what belongs to one request. The handler is a plain ES module
 * that Next loads itself, outside the app bundle; next.config.ts names it.
 */
import path from 'node:path'

export const NEXT_CACHE_HANDLER = path.resolve('lib/cache/next-cache-handler.mjs')
