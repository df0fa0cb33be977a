// @ts-check
/**
 * The connection to Redis that a server process shares: Next's page cache
 * (lib/cache, which Next loads itself, outside the app bundle, hence plain ES
 * module JavaScript), the sign-in limiter and the author store. One client per
 * process and URL, kept on globalThis so the bundled app and the cache handler
 * find the same one.
 *
 * Made for a Redis that may go away: commands fail at once while it is down
 * (no offline queue) and after REDIS_TIMEOUT_MS when it hangs, so callers can
 * fall back (pages) or refuse (sign-in); the client reconnects on its own, with
 * a pause that grows to MAX_RECONNECT_DELAY_MS; an 'error' listener is always
 * attached, so a lost connection never crashes the process; and the log gets
 * one line when Redis goes away and one when it is back.
 */
import { createClient } from 'redis'

/** Every key Sandbank writes starts with this, so one Redis can serve other things too. */
export const REDIS_KEY_PREFIX = 'sandbank:'
/** A command, or the first connection, slower than this counts as a failure. */
export const REDIS_TIMEOUT_MS = 1000
/** Longest pause between reconnection attempts. */
export const MAX_RECONNECT_DELAY_MS = 2000

/**
 * The client's settings: no offline queue (fail at once while down), a timeout on
 * every command and on connecting, a bounded pause between reconnection attempts.
 * @param {string} url
 */
function createConfiguredClient(url) {
  return createClient({
    url,
    // `redis-cli client list` shows which process holds each connection.
    name: `sandbank-${process.pid}`,
    disableOfflineQueue: true,
    commandOptions: { timeout: REDIS_TIMEOUT_MS },
    socket: { connectTimeout: REDIS_TIMEOUT_MS, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, MAX_RECONNECT_DELAY_MS) },
  })
}

/** @typedef {ReturnType<typeof createConfiguredClient>} RedisClient */
/** @typedef {{ log?: (line: string) => void }} ConnectOptions */

/** Redis could not be reached: nothing it holds can be read or changed until it is back. */
export class RedisUnavailableError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message)
    this.name = 'RedisUnavailableError'
  }
}

/**
 * The URL without its credentials, for messages.
 * @param {string} url
 */
export function describeRedisUrl(url) {
  try {
    const parsed = new URL(url)
    parsed.username = ''
    parsed.password = ''
    return parsed.toString().replace(/\/$/, '')
  } catch {
    return 'REDIS_URL'
  }
}

/** @param {unknown} error */
function reasonOf(error) {
  const described = /** @type {{ code?: string; message?: string } | undefined} */ (error)
  return described?.code ?? described?.message ?? String(error)
}

/** @typedef {{ where: string; state: 'connecting' | 'up' | 'down'; lastError?: string }} Connection */

/**
 * What a client knows about its connection, kept on the client itself under a
 * global symbol: the app bundle and the cache handler each load their own copy
 * of this module, and both must read it.
 */
const CONNECTION = Symbol.for('sandbank.redis.connection')

/**
 * @param {RedisClient} client
 * @returns {Connection | undefined}
 */
function connectionOf(client) {
  return /** @type {{ [CONNECTION]?: Connection }} */ (/** @type {unknown} */ (client))[CONNECTION]
}

/**
 * A new client, connecting in the background. `log` receives its changes of state
 * (default: the console); scripts that report errors themselves pass a no-op.
 * @param {string} url
 * @param {ConnectOptions} [options]
 * @returns {RedisClient}
 */
export function connectRedis(url, { log } = {}) {
  const where = describeRedisUrl(url)
  const client = createConfiguredClient(url)
  /** @type {Connection} */
  const connection = { where, state: 'connecting' }
  Object.defineProperty(client, CONNECTION, { value: connection })
  const say = log ?? ((line) => (connection.state === 'down' ? console.warn(line) : console.log(line)))
  client.on('ready', () => {
    const wasDown = connection.state === 'down'
    connection.state = 'up'
    say(
      wasDown
        ? `sandbank: Redis at ${where} is back; the page cache, sign-in limits, authors and sessions are shared again.`
        : `sandbank: connected to Redis at ${where}.`,
    )
  })
  client.on('error', (error) => {
    connection.lastError = reasonOf(error)
    // The error repeats on every reconnection attempt: say it once.
    if (connection.state === 'down') return
    connection.state = 'down'
    say(
      `sandbank: Redis at ${where} is unreachable (${connection.lastError}). Until it is back this process serves pages ` +
        'from its own cache and refuses sign-in (503); retrying in the background.',
    )
  })
  client.connect().catch(() => {
    // Retried by the reconnect strategy; the error listener has said what happened.
  })
  return client
}

const REGISTRY = Symbol.for('sandbank.redis.clients')

/**
 * This process's client for `url`, made (and connected) on first use.
 * @param {string} url
 * @returns {RedisClient}
 */
export function sharedRedisClient(url) {
  const scope = /** @type {{ [REGISTRY]?: Map<string, RedisClient> }} */ (globalThis)
  const registry = (scope[REGISTRY] ??= new Map())
  let client = registry.get(url)
  if (!client) {
    client = connectRedis(url)
    registry.set(url, client)
  }
  return client
}

/**
 * Resolves when the client can take commands. Fails at once while Redis is known
 * to be down (the client keeps retrying in the background), and after `timeoutMs`
 * while a first connection is still being made.
 * @param {RedisClient} client
 * @param {number} [timeoutMs]
 * @returns {Promise<void>}
 */
export function whenRedisReady(client, timeoutMs = REDIS_TIMEOUT_MS) {
  if (client.isReady) return Promise.resolve()
  const connection = connectionOf(client)
  const where = connection?.where ?? 'Redis'
  if (!client.isOpen || connection?.state === 'down') {
    return Promise.reject(new RedisUnavailableError(`Redis at ${where} is unreachable (${connection?.lastError ?? 'not connected'})`))
  }
  return new Promise((resolve, reject) => {
    const finish = (/** @type {Error | undefined} */ error) => {
      clearTimeout(timer)
      client.off('ready', onReady)
      client.off('error', onError)
      if (error) reject(error)
      else resolve()
    }
    const onReady = () => finish(undefined)
    const onError = (/** @type {unknown} */ error) => finish(new RedisUnavailableError(`Redis at ${where} is unreachable (${reasonOf(error)})`))
    const timer = setTimeout(() => finish(new RedisUnavailableError(`Redis at ${where} did not answer within ${timeoutMs} ms`)), timeoutMs)
    client.on('ready', onReady)
    client.on('error', onError)
  })
}

/**
 * Closes a client at once, whatever its state (scripts and tests, so the process can exit).
 * @param {RedisClient} client
 */
export async function closeRedis(client) {
  const scope = /** @type {{ [REGISTRY]?: Map<string, RedisClient> }} */ (globalThis)
  for (const [url, shared] of scope[REGISTRY] ?? []) if (shared === client) scope[REGISTRY]?.delete(url)
  if (client.isOpen) client.destroy()
}
