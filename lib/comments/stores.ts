/**
 * Where comments and their rate-limit counters live, decided here from the
 * configuration, as lib/auth/stores.ts decides for authors: with REDIS_URL, in
 * Redis through the process's one client; without it, files under DATA_DIR and
 * counters in this process's memory.
 */
import { limiterStoreFor } from '../auth'
import type { ServerConfig } from '../config'
import { describeRedisUrl, sharedRedisClient, type RedisClient } from '../redis'
import { createFileCommentStore } from './file-store'
import { createCommentLimiter, type CommentLimiter } from './limiter'
import { createRedisCommentStore } from './redis-store'
import type { CommentStore } from './store'

type StoreConfig = Pick<ServerConfig, 'commentsDir' | 'redisUrl'>

export function commentStoreFor(config: StoreConfig, redis?: RedisClient): CommentStore {
  const url = config.redisUrl
  return url ? createRedisCommentStore(() => redis ?? sharedRedisClient(url), url) : createFileCommentStore(config.commentsDir)
}

export function commentLimiterFor(config: Pick<ServerConfig, 'redisUrl'>, redis?: RedisClient): CommentLimiter {
  return createCommentLimiter(limiterStoreFor(config, redis))
}

/** Where the comment store is, in words. */
export function commentStoreLocation(config: StoreConfig): string {
  return config.redisUrl ? `Redis at ${describeRedisUrl(config.redisUrl)}` : config.commentsDir
}
