/**
 * The one Redis connection of a server process (./client.mjs, plain JavaScript so
 * Next's cache handler, loaded outside the bundle, shares it), used when REDIS_URL
 * is set: Next's page cache, the sign-in limiter, the author store and the comment store;
 * withRedis (./guarded.ts) runs a store's commands and names its failures.
 */
export {
  MAX_RECONNECT_DELAY_MS,
  REDIS_KEY_PREFIX,
  REDIS_READY_WAIT_MS,
  REDIS_TIMEOUT_MS,
  RedisUnavailableError,
  closeRedis,
  connectRedis,
  describeRedisUrl,
  sharedRedisClient,
  whenRedisReady,
  type RedisClient,
} from './client.mjs'
export { withRedis, type RedisStoreErrors } from './guarded'
