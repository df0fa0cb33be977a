/**
 * What `npm run author` and `npm run comments` share: they work on the stores the
 * servers use, through their own Redis connection when REDIS_URL is set (closed
 * when done), and answer a wrong command with the usage (exit 2) and a store's
 * refusal with its message alone (exit 1).
 */
import { readServerConfig, type ServerConfig } from '../../lib/config'
import { closeRedis, connectRedis, type RedisClient } from '../../lib/redis'

/** A command used wrongly: the usage follows the message. */
export class UsageError extends Error {}

type Main = (args: string[], config: ServerConfig, redis: RedisClient | undefined) => Promise<void>

export function runStoreCommand(usage: string, isStoreError: (error: unknown) => boolean, main: Main): void {
  const run = async (args: string[]) => {
    const config = readServerConfig()
    const redis = config.redisUrl ? connectRedis(config.redisUrl, { log: () => undefined }) : undefined
    try {
      await main(args, config, redis)
    } finally {
      if (redis) await closeRedis(redis)
    }
  }
  run(process.argv.slice(2)).catch((error: Error) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${usage}`)
      process.exit(2)
    }
    console.error(isStoreError(error) ? error.message : `Unexpected error: ${error.message}`)
    process.exit(1)
  })
}
