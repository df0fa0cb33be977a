import {
  REDIS_READY_WAIT_MS,
  REDIS_TIMEOUT_MS,
  RedisUnavailableError,
  closeRedis,
  connectRedis,
  sharedRedisClient,
  whenRedisReady,
  type RedisClient,
} from '@/lib/redis'
import { freePort } from '@/scripts/lib/process'
import { eventually, settleWithin, startTestRedis, type TestRedis } from '../redis-server'

jest.setTimeout(30_000)

let redis: TestRedis
const opened: RedisClient[] = []

/** A client like a server process's, writing its state changes to `log` instead of the console. */
function client(url: string, log: string[] = []): RedisClient {
  const made = connectRedis(url, { log: (line) => log.push(line) })
  opened.push(made)
  return made
}

beforeAll(async () => {
  redis = await startTestRedis()
})
afterAll(async () => {
  await Promise.all(opened.map(closeRedis))
  await redis?.close()
})

describe('the Redis client a server process uses', () => {
  test('one client per process and URL, named after the process so `redis-cli client list` shows whose it is', async () => {
    const shared = sharedRedisClient(redis.url)
    try {
      expect(sharedRedisClient(redis.url)).toBe(shared)
      await whenRedisReady(shared)
      expect(await shared.clientGetName()).toBe(`sandbank-${process.pid}`)
    } finally {
      await closeRedis(shared)
    }
    expect(sharedRedisClient(redis.url)).not.toBe(shared)
    await closeRedis(sharedRedisClient(redis.url))
  })

  test('when Redis goes away, commands fail at once instead of queueing, the log says so once, and the same client comes back by itself', async () => {
    const log: string[] = []
    const connection = client(redis.url, log)
    await whenRedisReady(connection)
    expect(log).toEqual([expect.stringMatching(/^sandbank: connected to Redis at redis:\/\/127\.0\.0\.1:\d+/)])
    await redis.stop()
    try {
      // The server is gone once stop() returns, but the client hears of it on its socket a moment later (under load, later still).
      await eventually(async () => expect(connection.isReady).toBe(false))
      let started = Date.now()
      await expect(connection.get('sandbank:anything')).rejects.toThrow()
      expect(Date.now() - started).toBeLessThan(500)
      // A caller that needs Redis waits for the reconnection a little, then hears why not.
      started = Date.now()
      await expect(whenRedisReady(connection)).rejects.toBeInstanceOf(RedisUnavailableError)
      expect(Date.now() - started).toBeLessThan(REDIS_READY_WAIT_MS + 1000)
      // Several reconnection attempts later, still one line about it.
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect(log.filter((line) => line.includes('is unreachable'))).toHaveLength(1)
      expect(log[1]).toMatch(/^sandbank: Redis at redis:\/\/127\.0\.0\.1:\d+\/? is unreachable \(.+\)/)
      // Whoever watches the log for Redis coming back (an operator's grep, a test) must not find it in the outage line.
      expect(log[1]).not.toMatch(/is back/)
    } finally {
      await redis.start()
    }
    // The reconnection pause is bounded (half a second at most), so it is back within a few seconds.
    await eventually(async () => expect(await connection.ping()).toBe('PONG'))
    expect(log[log.length - 1]).toMatch(/is back/)
  })

  test('a hung Redis (SIGSTOP: the port still takes commands, nothing answers): a command fails within its deadline, later ones at once, the log says so once, and SIGCONT brings the same client back', async () => {
    const log: string[] = []
    const connection = client(redis.url, log)
    await whenRedisReady(connection)
    redis.pause()
    try {
      // Timers may run late on a loaded machine; a hang never settles at all.
      const slack = 1000
      const first = await settleWithin(10_000, connection.get('sandbank:anything'))
      expect(first.outcome).toBe('rejected')
      expect(first.ms).toBeLessThan(REDIS_TIMEOUT_MS + slack)
      expect(first.outcome === 'rejected' && first.error).toBeInstanceOf(RedisUnavailableError)
      // Known to hang now: nothing more waits out the deadline, a MULTI included.
      const calls: (() => Promise<unknown>)[] = [() => connection.set('sandbank:x', '1'), () => connection.multi().get('a').get('b').exec()]
      for (const call of calls) {
        const later = await settleWithin(10_000, call())
        expect(later.outcome).toBe('rejected')
        expect(later.ms).toBeLessThan(slack)
      }
      expect(connection.isReady).toBe(false)
      await expect(whenRedisReady(connection)).rejects.toBeInstanceOf(RedisUnavailableError)
      expect(log.filter((line) => line.includes('is unreachable'))).toEqual([
        expect.stringMatching(
          new RegExp(`^sandbank: Redis at redis://127\\.0\\.0\\.1:\\d+ is unreachable \\(no answer within ${REDIS_TIMEOUT_MS} ms\\)`),
        ),
      ])
    } finally {
      redis.resume()
    }
    await eventually(async () => expect(await connection.ping()).toBe('PONG'))
    expect(log[log.length - 1]).toMatch(/^sandbank: Redis at \S+ is back;/)
  })

  test('right after Redis returns, a caller that needs it (sign-in) waits for the reconnection instead of failing at once', async () => {
    const connection = client(redis.url)
    await whenRedisReady(connection)
    await redis.stop()
    try {
      // Long enough for the pause between reconnection attempts to reach its longest.
      await new Promise((resolve) => setTimeout(resolve, 4000))
    } finally {
      await redis.start()
    }
    const ready = await settleWithin(10_000, whenRedisReady(connection))
    expect(ready.outcome).toBe('resolved')
    expect(await connection.ping()).toBe('PONG')
  })

  test('two copies of the module (Next loads the cache handler outside the app bundle) share one client and what it knows', async () => {
    type ClientModule = typeof import('@/lib/redis')
    let handlerCopy: ClientModule | undefined
    jest.isolateModules(() => {
      handlerCopy = jest.requireActual<ClientModule>('@/lib/redis/client.mjs')
    })
    expect(handlerCopy!.sharedRedisClient).not.toBe(sharedRedisClient)
    const shared = handlerCopy!.sharedRedisClient(redis.url)
    expect(sharedRedisClient(redis.url)).toBe(shared)
    await closeRedis(shared)
    const fromHandler = handlerCopy!.connectRedis(redis.url, { log: () => undefined })
    opened.push(fromHandler)
    await handlerCopy!.whenRedisReady(fromHandler)
    await redis.stop()
    try {
      // The app's copy knows Redis is down, where it is and why.
      await eventually(async () => {
        expect(fromHandler.isReady).toBe(false)
        const error = await whenRedisReady(fromHandler).catch((thrown: Error) => thrown)
        expect(error).toBeInstanceOf(Error)
        expect((error as Error).message).toMatch(/^Redis at redis:\/\/127\.0\.0\.1:\d+ is unreachable \(.+\)/)
      })
    } finally {
      await redis.start()
    }
    await eventually(() => whenRedisReady(fromHandler))
  })

  test('a Redis that is not there at all: the first use fails within a second, and nothing crashes', async () => {
    const nowhere = client(`redis://127.0.0.1:${await freePort()}`)
    const started = Date.now()
    await expect(whenRedisReady(nowhere)).rejects.toBeInstanceOf(RedisUnavailableError)
    expect(Date.now() - started).toBeLessThan(1500)
  })

  test('the password in REDIS_URL never reaches the log', async () => {
    const log: string[] = []
    const { port } = new URL(redis.url)
    const secret = client(`redis://:qzsecretpassword@127.0.0.1:${port}`, log)
    await whenRedisReady(secret).catch(() => undefined)
    await eventually(async () => expect(log.length).toBeGreaterThan(0))
    expect(log.join('\n')).not.toContain('qzsecretpassword')
  })
})
