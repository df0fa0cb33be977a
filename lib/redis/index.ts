/**
 * The one Redis connection of a server process (./client.mjs, plain JavaScript so
 * Next's cache handler, loaded outside the bundle, shares it), used when REDIS_URL
 * is set: Next's page cache, the sign-in limiter and the author store.
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
