/**
 * The author store in Redis, for several server processes (on one machine or
 * many) and the `npm run author` CLI, when REDIS_URL is set:
 *
 *   sandbank:authors              hash: email → the author as JSON (email, name, passwordHash, createdAt)
 *   sandbank:session-generations  hash: email → session generation
 *   sandbank:authors-imported     where authors were first imported from (`npm run author -- import`)
 *
 * Every change is one atomic command or Lua script, so concurrent adds, removals
 * and sign-outs from any process lose nothing. A removal bumps the generation and
 * keeps it, so adding the same email again never revives the old sessions.
 * No key expires, so Redis's volatile-lru eviction never touches them.
 */
import { REDIS_KEY_PREFIX, describeRedisUrl, withRedis as withGuardedRedis, type RedisClient } from '../redis'
import {
  AuthorStoreError,
  AuthorStoreUnavailableError,
  alreadyExists,
  noSuchAuthor,
  normalizeEmail,
  prepareNewAuthor,
  validateAuthorEntry,
  type AuthorStore,
  type StoredAuthor,
} from './author-store'

export const REDIS_AUTHOR_KEYS = {
  authors: `${REDIS_KEY_PREFIX}authors`,
  sessionGenerations: `${REDIS_KEY_PREFIX}session-generations`,
  /** Where and when authors were first imported from a file (./author-store.ts), so a start never imports them twice. */
  imported: `${REDIS_KEY_PREFIX}authors-imported`,
}

const KEYS = [REDIS_AUTHOR_KEYS.authors, REDIS_AUTHOR_KEYS.sessionGenerations]

/** Adds the author unless the email exists (-1); returns the generation the email already had, 0 for a new one. */
const ADD = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return -1 end
return tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')`

/** Removes the author (0 when there was none) and bumps the generation it leaves behind. */
const REMOVE = `
if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
return 1`

/** Bumps an existing author's generation; nothing for an unknown email. */
const END_SESSIONS = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
return redis.call('HINCRBY', KEYS[2], ARGV[1], 1)`

/** Adds the author unless present (1 added, 0 kept); the generation becomes the higher of the two, so no ended session comes back. */
const IMPORT = `
local added = redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2])
if tonumber(ARGV[3]) > tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0') then redis.call('HSET', KEYS[2], ARGV[1], ARGV[3]) end
return added`

export type ImportResult = { added: string[]; kept: string[] }

export type RedisAuthorStore = AuthorStore & {
  /** Copies authors (a validated authors.json) as they are: hashes and generations; authors already in Redis are kept. */
  importAuthors(authors: StoredAuthor[], source?: string): Promise<ImportResult>
  /** Where authors were imported from before, if ever. */
  importedFrom(): Promise<string | undefined>
}

/** `connection` is a client, or a function giving one on first use (a server process connects only when needed). */
export function createRedisAuthorStore(connection: RedisClient | (() => RedisClient), url: string): RedisAuthorStore {
  const where = `Redis at ${describeRedisUrl(url)}`
  const client = typeof connection === 'function' ? connection : () => connection

  /** Runs commands once the client is ready; a lost connection becomes AuthorStoreUnavailableError, a refused command AuthorStoreError. */
  const withRedis = <T>(run: (redis: RedisClient) => Promise<T>): Promise<T> =>
    withGuardedRedis(
      client,
      {
        label: 'The author store',
        where,
        isOwn: (error) => error instanceof AuthorStoreError,
        refused: (message) => new AuthorStoreError(message),
        unavailable: (message) => new AuthorStoreUnavailableError(message),
      },
      run,
    )

  function parseEntry(email: string, json: string, generation: string | null | undefined): StoredAuthor {
    const entryName = `The author store in ${where} is not valid: ${REDIS_AUTHOR_KEYS.authors} entry ${email}`
    let parsed: unknown
    try {
      parsed = JSON.parse(json)
    } catch {
      throw new AuthorStoreError(`${entryName} is not valid JSON`)
    }
    const author = validateAuthorEntry(parsed, entryName)
    const sessionGeneration = Number(generation ?? 0)
    if (!Number.isSafeInteger(sessionGeneration) || sessionGeneration < 0) {
      throw new AuthorStoreError(
        `The author store in ${where} is not valid: ${REDIS_AUTHOR_KEYS.sessionGenerations} entry ${email} is not a whole number`,
      )
    }
    return { ...author, email, sessionGeneration }
  }

  const entryJson = ({ email, name, passwordHash, createdAt }: StoredAuthor) => JSON.stringify({ email, name, passwordHash, createdAt })
  const runScript = (redis: RedisClient, script: string, args: string[]) => redis.eval(script, { keys: KEYS, arguments: args }) as Promise<number>

  return {
    list: () =>
      withRedis(async (redis) => {
        const [authors, generations] = (await redis.multi().hGetAll(KEYS[0]).hGetAll(KEYS[1]).exec()) as unknown as Record<string, string>[]
        return Object.entries(authors)
          .map(([email, json]) => parseEntry(email, json, generations[email]))
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      }),
    find: (email) =>
      withRedis(async (redis) => {
        const wanted = normalizeEmail(email)
        const [json, generation] = (await redis.multi().hGet(KEYS[0], wanted).hGet(KEYS[1], wanted).exec()) as unknown as (string | null)[]
        return json === null ? undefined : parseEntry(wanted, json, generation)
      }),
    async add(input) {
      const author = await prepareNewAuthor(input)
      return withRedis(async (redis) => {
        const generation = await runScript(redis, ADD, [author.email, entryJson(author)])
        if (generation < 0) throw new AuthorStoreError(alreadyExists(author.email))
        return { ...author, sessionGeneration: generation }
      })
    },
    remove: (email) =>
      withRedis(async (redis) => {
        const wanted = normalizeEmail(email)
        if ((await runScript(redis, REMOVE, [wanted])) === 0) throw new AuthorStoreError(noSuchAuthor(wanted))
      }),
    endSessions: (email) =>
      withRedis(async (redis) => {
        await runScript(redis, END_SESSIONS, [normalizeEmail(email)])
      }),
    importAuthors: (authors, source = 'a file') =>
      withRedis(async (redis) => {
        const result: ImportResult = { added: [], kept: [] }
        for (const author of authors) {
          const added = await runScript(redis, IMPORT, [author.email, entryJson(author), String(author.sessionGeneration)])
          result[added === 1 ? 'added' : 'kept'].push(author.email)
        }
        await redis.set(REDIS_AUTHOR_KEYS.imported, `${source}, ${new Date().toISOString()}`, { NX: true })
        return result
      }),
    importedFrom: () => withRedis(async (redis) => (await redis.get(REDIS_AUTHOR_KEYS.imported)) ?? undefined),
  }
}
