import { ErrorReply } from 'redis'
import { RedisUnavailableError, whenRedisReady, type RedisClient } from './client.mjs'

/** How a store in Redis names itself and its failures. */
export type RedisStoreErrors = {
  /** "The author store", "The comment store". */
  label: string
  /** "Redis at redis://…" (without credentials). */
  where: string
  /** Errors the store throws itself, which pass through unchanged. */
  isOwn: (error: unknown) => boolean
  /** A command Redis refused (wrong type, a script error). */
  refused: (message: string) => Error
  /** Redis out of reach: down, or slower than the client's deadline. */
  unavailable: (message: string) => Error
}

/**
 * Runs a store's commands once the client is ready. Every command carries the
 * client's deadline (REDIS_TIMEOUT_MS, ./client.mjs), so a hung server fails like
 * a stopped one, and the failure becomes the store's own error.
 */
export async function withRedis<T>(client: () => RedisClient, errors: RedisStoreErrors, run: (redis: RedisClient) => Promise<T>): Promise<T> {
  const redis = client()
  try {
    await whenRedisReady(redis)
    return await run(redis)
  } catch (error) {
    if (errors.isOwn(error)) throw error
    if (error instanceof ErrorReply) throw errors.refused(`${errors.label} in ${errors.where} refused a command: ${error.message}`)
    if (error instanceof RedisUnavailableError) throw errors.unavailable(`${errors.label} in ${error.message}`)
    throw errors.unavailable(`${errors.label} in ${errors.where} cannot be reached: ${(error as Error).message}`)
  }
}
