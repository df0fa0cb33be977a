import path from 'node:path'
import { AuthorStoreUnavailableError, authorStoreFor, authorStoreLocation, createRedisAuthorStore } from '../../lib/auth'
import { readServerConfig, readSiteConfig, type ServerConfig } from '../../lib/config'
import { closeRedis, connectRedis } from '../../lib/redis'
import { ensureAuthSecret, ensureDefaultAuthor, importAuthorsIntoEmptyStore } from './provisioning'

/**
 * Validates configuration and fills in the embedded defaults, saying on the
 * console what it made and where. Returns the environment for Next. `authors:
 * false` leaves the authors to the caller (the stack provisions them once its
 * Redis is up); `from` is the environment to start from (npm start's, with the build's settings filled in).
 */
export async function bootstrapEnvironment(
  port: number,
  { authors = true, from = process.env }: { authors?: boolean; from?: NodeJS.ProcessEnv } = {},
): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = { ...from }
  env.SITE_URL ||= `http://localhost:${port}`
  const site = readSiteConfig(env)
  const server = readServerConfig(env)
  env.NEXTAUTH_URL ||= site.url

  const secret = ensureAuthSecret(server)
  if (secret.origin === 'generated')
    console.log(`sandbank: no NEXTAUTH_SECRET set, so generated a random one and saved it to ${path.resolve(secret.file!)} (mode 0600).`)
  if (secret.origin === 'file') console.log(`sandbank: using the auth secret saved in ${path.resolve(secret.file!)}.`)
  env.NEXTAUTH_SECRET = secret.secret

  if (authors) await provisionAuthors(server, site.url)
  return env
}

/**
 * A first run's authors, said on the console: with REDIS_URL and a Redis that has
 * never held authors, the ones in authors.json are copied in; otherwise, when the
 * store is empty, one author is created with a random password shown once.
 * A Redis that cannot be reached is reported, and the server starts anyway.
 */
export async function provisionAuthors(server: ServerConfig, siteUrl: string): Promise<void> {
  const redis = server.redisUrl ? connectRedis(server.redisUrl, { log: () => undefined }) : undefined
  const location = authorStoreLocation(server)
  try {
    if (redis && server.redisUrl) {
      const imported = await importAuthorsIntoEmptyStore(server.authorsFile, createRedisAuthorStore(redis, server.redisUrl))
      if (imported) {
        console.log(`sandbank: copied the authors in ${path.resolve(server.authorsFile)} into ${location}: ${imported.added.join(', ')}.`)
        return
      }
    }
    const author = await ensureDefaultAuthor(server, authorStoreFor(server, redis))
    if (!author) return
    console.log(
      [
        `sandbank: no authors yet, so created one (saved, hashed, in ${server.redisUrl ? location : path.resolve(location)}):`,
        `  email:    ${author.email}`,
        `  password: ${author.password}`,
        `  sign in:  ${siteUrl}/signin`,
        '  This password is shown once. Add your own with `npm run author -- add you@example.org --name "Your Name"`,',
        '  then remove this one with `npm run author -- remove author@localhost`.',
      ].join('\n'),
    )
  } catch (error) {
    if (!(error instanceof AuthorStoreUnavailableError)) throw error
    console.warn(`sandbank: ${error.message}; no authors were provisioned. Sign-in is refused until it is reachable.`)
  } finally {
    if (redis) await closeRedis(redis)
  }
}
