/**
 * Checks run once as a server process starts (from instrumentation.ts, Node
 * runtime only). An author store that cannot be read stops the server here,
 * with the file (or Redis key) and the bad entry named, rather than failing
 * later on a visitor's sign-in. A Redis that cannot be reached does not: pages
 * are served, sign-in is refused until it is back.
 */
import { secretConflictWithBuild, siteConflictsWithBuild, type BuildSettings, type ServerConfig } from '../config'
import { AuthorStoreUnavailableError, readAuthors, type AuthorStore } from './author-store'
import { readSecretFile } from './secret-file'
import { authorStoreFor } from './stores'

/**
 * Each way this process's settings contradict the build it serves: a SITE_URL or
 * site setting its pages do not carry, or a secret other than the one the build
 * was given (lib/config/build-settings.ts). Empty when they agree.
 */
export function conflictsWithBuild(build: BuildSettings, env: Record<string, string | undefined>, config: ServerConfig): string[] {
  const secret = secretConflictWithBuild(build, { given: config.authSecret, saved: readSecretFile(config.secretFile) })
  return [...siteConflictsWithBuild(build, env), ...(secret ? [secret] : [])]
}

/** Stops the server, before it serves anything, when its settings contradict its build's. */
export function checkSettingsAgainstBuildAtStart(
  build: BuildSettings | undefined,
  env: Record<string, string | undefined>,
  config: ServerConfig,
): void {
  const conflicts = build ? conflictsWithBuild(build, env, config) : []
  if (conflicts.length === 0) return
  console.error(['sandbank: this server does not match the build it would serve:', ...conflicts.map((conflict) => `  - ${conflict}`)].join('\n'))
  process.exit(1)
}

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
