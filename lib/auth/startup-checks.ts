/**
 * Checks run once as a server process starts (from instrumentation.ts, Node
 * runtime only). An author store that cannot be read stops the server here,
 * with the file (or Redis key) and the bad entry named, rather than failing
 * later on a visitor's sign-in. A Redis that cannot be reached does not: pages
 * are served, sign-in is refused until it is back.
 */
import type { ServerConfig } from '../config'
import { AuthorStoreUnavailableError, readAuthors, type AuthorStore } from './author-store'
import { authorStoreFor } from './stores'

/** How many authors a file holds, or 0 when it is missing or unreadable (the store in use is Redis). */
function authorsWaitingIn(file: string): number {
  try {
    return readAuthors(file).length
  } catch {
    return 0
  }
}

export async function checkAuthorStoreAtStart(config: ServerConfig, store: AuthorStore = authorStoreFor(config)): Promise<void> {
  try {
    const authors = await store.list()
    const waiting = config.redisUrl && authors.length === 0 ? authorsWaitingIn(config.authorsFile) : 0
    if (waiting > 0) {
      console.warn(
        `sandbank: REDIS_URL is set and Redis holds no authors, but ${config.authorsFile} has ${waiting}. ` +
          'Nobody can sign in until they are copied in: npm run author -- import',
      )
    }
  } catch (error) {
    if (error instanceof AuthorStoreUnavailableError) {
      console.warn(`sandbank: ${error.message}. Pages are served; sign-in is refused until it is reachable.`)
      return
    }
    console.error(`sandbank: ${(error as Error).message}. Fix or restore it, then start the server again.`)
    process.exit(1)
  }
}
