/**
 * Where authors, sessions and sign-in counters live, decided in this one place
 * from the configuration. With REDIS_URL: in Redis, shared by every server
 * process on any machine and by `npm run author`, through the process's one
 * client (lib/redis). Without it: authors.json under a file lock, and counters
 * in this process's memory.
 */
import type { ServerConfig } from '../config'
import { describeRedisUrl, sharedRedisClient, type RedisClient } from '../redis'
import { createFileAuthorStore, type AuthorStore } from './author-store'
import { memoryLimiterStore, redisLimiterStore, type LimiterStore } from './rate-limit'
import { createRedisAuthorStore } from './redis-author-store'

type StoreConfig = Pick<ServerConfig, 'authorsFile' | 'redisUrl'>

/** The process's shared client, made on first use; `redis` overrides it (scripts and tests hold their own). */
function redisConnection(url: string, redis?: RedisClient): () => RedisClient {
  return () => redis ?? sharedRedisClient(url)
}

export function authorStoreFor(config: StoreConfig, redis?: RedisClient): AuthorStore {
  return config.redisUrl
    ? createRedisAuthorStore(redisConnection(config.redisUrl, redis), config.redisUrl)
    : createFileAuthorStore(config.authorsFile)
}

export function limiterStoreFor(config: Pick<ServerConfig, 'redisUrl'>, redis?: RedisClient): LimiterStore {
  return config.redisUrl ? redisLimiterStore(redisConnection(config.redisUrl, redis)) : memoryLimiterStore
}

/** Where the author store is, in words: the file, or Redis (without its password). */
export function authorStoreLocation(config: StoreConfig): string {
  return config.redisUrl ? `Redis at ${describeRedisUrl(config.redisUrl)}` : config.authorsFile
}
