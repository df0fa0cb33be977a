// @ts-check
/**
 * The connection to Redis that a server process shares: Next's page cache
 * (lib/cache, which Next loads itself, outside the app bundle, hence plain ES
 * module JavaScript), the sign-in limiter and the author store. One client per
 * process and URL, kept on globalThis so the bundled app and the cache handler
 * find the same one.
 *
 * Made for a Redis that may go away or hang: every command has a deadline that
 * fires whatever the socket is doing, so callers can fall back (pages) or refuse
 * (sign-in). node-redis's own timeout and abort signal only reach a command still
 * waiting to be written; one already sent to a server that stopped answering
 * (SIGSTOP, a network partition) would wait for ever. A connection that misses a
 * deadline is dropped and a new one made in the background, so nothing more
 * waits on it: commands fail at once (no offline queue) until Redis answers
 * again. The client reconnects on its own, with a pause that grows to
 * MAX_RECONNECT_DELAY_MS; an 'error' listener is always attached, so a lost
 * connection never crashes the process; and the log gets one line when Redis
 * goes away and one when it is back.
 */
import { createClient } from 'redis'

/** Every key Sandbank writes starts with this, so one Redis can serve other things too. */
export const REDIS_KEY_PREFIX = 'sandbank:'
/** A command, or the first connection, slower than this counts as a failure: Redis answers a healthy one in well under a millisecond. */
export const REDIS_TIMEOUT_MS = 500
/** Longest pause between reconnection attempts: a Redis that is back is found within this. */
export const MAX_RECONNECT_DELAY_MS = 500
/**
 * How long a caller that cannot do without Redis (sign-in, the session check) waits for a
 * connection that is being made or remade: a Redis that has just come back is found within it.
 * Pages never wait: they fall back at once.
 */
export const REDIS_READY_WAIT_MS = 2 * MAX_RECONNECT_DELAY_MS

/**
 * node-redis with no offline queue (fail at once while down), a timeout on connecting,
 * a bounded pause between reconnection attempts.
 * @param {string} url
 */
function createConfiguredClient(url) {
  return createClient({
    url,
    // `redis-cli client list` shows which process holds each connection.
    name: `sandbank-${process.pid}`,
    disableOfflineQueue: true,
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

/**
 * What a client knows about its connection. `current` is the node-redis client in use; it is
 * replaced when one stops answering. `state` is 'down' from the moment a connection is known to
 * be lost or hung until a new one is ready; `whenReady` holds the callers waiting for that.
 * @typedef {{
 *   where: string
 *   state: 'connecting' | 'up' | 'down'
 *   lastError?: string
 *   closed: boolean
 *   current: RedisClient
 *   whenReady: Set<() => void>
 * }} Connection
 */

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

/** @param {Connection} connection */
const isUp = (connection) => connection.state === 'up' && connection.current.isReady

/** @param {unknown} value */
const isThenable = (value) => typeof (/** @type {{ then?: unknown } | null} */ (value)?.then) === 'function'

/**
 * `promise`, or a RedisUnavailableError once REDIS_TIMEOUT_MS has passed without an answer.
 * The verdict waits one turn of the event loop past the timer: after a stall (a long
 * render on a busy machine) the timer and the reply are both due, and the reply wins.
 * @template T
 * @param {Promise<T>} promise
 * @param {() => Error} onDeadline called once, when the deadline passes unanswered; returns the error to reject with
 * @returns {Promise<T>}
 */
function withDeadline(promise, onDeadline) {
  return new Promise((resolve, reject) => {
    let settled = false
    const timer = setTimeout(
      () =>
        setImmediate(() => {
          if (settled) return
          settled = true
          reject(onDeadline())
        }),
      REDIS_TIMEOUT_MS,
    )
    timer.unref()
    promise.then(
      (value) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        resolve(value)
      },
      (error) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        reject(error)
      },
    )
  })
}

/**
 * A new client, connecting in the background. `log` receives its changes of state
 * (default: the console); scripts that report errors themselves pass a no-op.
 *
 * What it returns is a stand-in for node-redis's client with the same methods: each call goes to
 * the connection in use, and a promise it returns is bounded by REDIS_TIMEOUT_MS. A MULTI is
 * bounded the same way, and refused at once while the connection is down (node-redis would queue
 * it for the next connection). `isReady` is false while the connection is down or known to hang.
 * There is no `withAbortSignal`: node-redis's aborts only reach unsent commands, so callers that
 * look for it (the page cache handler) fall back to their own, which, like this deadline, fires.
 * @param {string} url
 * @param {ConnectOptions} [options]
 * @returns {RedisClient}
 */
export function connectRedis(url, { log } = {}) {
  const where = describeRedisUrl(url)
  /** @type {Connection} */
  const connection = { where, state: 'connecting', closed: false, current: createConfiguredClient(url), whenReady: new Set() }
  const say = log ?? ((line) => (connection.state === 'down' ? console.warn(line) : console.log(line)))

  /** @param {string} reason */
  const wentDown = (reason) => {
    connection.lastError = reason
    // The error repeats on every reconnection attempt: say it once.
    if (connection.state === 'down') return
    connection.state = 'down'
    // Worded so that only the line below says "is back": that is what operators (and the stack tests) watch for.
    say(
      `sandbank: Redis at ${where} is unreachable (${reason}). Until it returns, this process serves pages ` +
        'from its own cache and refuses sign-in (503); reconnecting in the background.',
    )
  }

  /** @param {RedisClient} client */
  const attach = (client) => {
    client.on('ready', () => {
      const wasDown = connection.state === 'down'
      connection.state = 'up'
      say(
        wasDown
          ? `sandbank: Redis at ${where} is back; the page cache, sign-in limits, authors and sessions are shared again.`
          : `sandbank: connected to Redis at ${where}.`,
      )
      for (const ready of connection.whenReady) ready()
    })
    client.on('error', (error) => wentDown(reasonOf(error)))
    client.connect().catch(() => {
      // Retried by the reconnect strategy; the error listener has said what happened.
    })
  }

  /**
   * A command sent on `client` got no answer in time: the server hangs or the network dropped
   * it. That connection is given up (its other waiting commands fail now) and a new one made.
   * @param {RedisClient} client
   */
  const hung = (client) => {
    const reason = `no answer within ${REDIS_TIMEOUT_MS} ms`
    if (client === connection.current && !connection.closed) {
      wentDown(reason)
      client.removeAllListeners()
      client.on('error', () => {})
      client.destroy()
      connection.current = createConfiguredClient(url)
      attach(connection.current)
    }
    return new RedisUnavailableError(`Redis at ${where} is unreachable (${reason})`)
  }

  /**
   * Calls made through `target` (the client, or a MULTI built on it) get the deadline.
   * @param {() => object} target
   * @param {RedisClient} client the connection the calls go out on
   * @returns {object}
   */
  const bounded = (target, client) =>
    new Proxy(
      {},
      {
        get(_, property) {
          const object = target()
          const value = Reflect.get(object, property, object)
          if (typeof value !== 'function') return value
          const isExec = typeof property === 'string' && property.startsWith('exec')
          return (/** @type {unknown[]} */ ...args) => {
            if (isExec && !isUp(connection)) {
              return Promise.reject(new RedisUnavailableError(`Redis at ${where} is unreachable (${connection.lastError ?? 'not connected'})`))
            }
            const result = value.apply(object, args)
            if (result === object) return bounded(() => result, client)
            if (isThenable(result)) return withDeadline(/** @type {Promise<unknown>} */ (result), () => hung(client))
            return result !== null && typeof result === 'object' ? bounded(() => result, client) : result
          }
        },
        has: (_, property) => property in target(),
      },
    )

  const client = /** @type {RedisClient} */ (
    /** @type {unknown} */ (
      new Proxy(
        {},
        {
          get(_, property) {
            if (property === CONNECTION) return connection
            if (property === 'isReady') return isUp(connection)
            if (property === 'withAbortSignal') return undefined
            const current = connection.current
            const value = Reflect.get(current, property, current)
            if (typeof value !== 'function') return value
            return (/** @type {unknown[]} */ ...args) => {
              // Sent on the connection in use now; the reply, or its deadline, belongs to that one.
              const used = connection.current
              const method = /** @type {(...args: unknown[]) => unknown} */ (Reflect.get(used, property, used))
              const result = method.apply(used, args)
              if (result === used) return client
              if (isThenable(result)) return withDeadline(/** @type {Promise<unknown>} */ (result), () => hung(used))
              return result !== null && typeof result === 'object' ? bounded(() => result, used) : result
            }
          },
          has: (_, property) => property !== 'withAbortSignal' && (property === CONNECTION || property in connection.current),
        },
      )
    )
  )
  attach(connection.current)
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
 * Resolves when the client can take commands. While a connection is being made or remade
 * (after an outage, a restart, a hang), waits up to `timeoutMs` for it, so a caller that
 * arrives just as Redis comes back is served rather than turned away; then fails with
 * what went wrong. Fails at once for a closed client.
 * @param {RedisClient} client
 * @param {number} [timeoutMs]
 * @returns {Promise<void>}
 */
export function whenRedisReady(client, timeoutMs = REDIS_READY_WAIT_MS) {
  if (client.isReady) return Promise.resolve()
  const connection = connectionOf(client)
  const where = connection?.where ?? 'Redis'
  const unavailable = () =>
    new RedisUnavailableError(
      connection?.state === 'down'
        ? `Redis at ${where} is unreachable (${connection.lastError ?? 'not connected'})`
        : `Redis at ${where} did not answer within ${timeoutMs} ms`,
    )
  if (!connection || connection.closed) return Promise.reject(unavailable())
  return new Promise((resolve, reject) => {
    const ready = () => {
      clearTimeout(timer)
      connection.whenReady.delete(ready)
      resolve()
    }
    const timer = setTimeout(() => {
      connection.whenReady.delete(ready)
      reject(unavailable())
    }, timeoutMs)
    connection.whenReady.add(ready)
  })
}

/**
 * Closes a client at once, whatever its state (scripts and tests, so the process can exit).
 * @param {RedisClient} client
 */
export async function closeRedis(client) {
  const scope = /** @type {{ [REGISTRY]?: Map<string, RedisClient> }} */ (globalThis)
  for (const [url, shared] of scope[REGISTRY] ?? []) if (shared === client) scope[REGISTRY]?.delete(url)
  const connection = connectionOf(client)
  if (connection) connection.closed = true
  if (client.isOpen) client.destroy()
}
