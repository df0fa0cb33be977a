/**
 * Authors, sessions and sign-in counters shared through a real redis-server, as
 * several server processes share them when REDIS_URL is set; and the same
 * author-store contract held by the file store that runs without it.
 */
import path from 'node:path'
import { AuthorStoreError, AuthorStoreUnavailableError, createFileAuthorStore, readAuthors, type AuthorStore } from '@/lib/auth/author-store'
import { verifyPassword } from '@/lib/auth/passwords'
import { createSignInLimiter, redisLimiterStore } from '@/lib/auth/rate-limit'
import { REDIS_AUTHOR_KEYS, createRedisAuthorStore } from '@/lib/auth/redis-author-store'
import { authorStoreFor, limiterStoreFor } from '@/lib/auth/stores'
import { readServerConfig } from '@/lib/config'
import { closeRedis, connectRedis, whenRedisReady, type RedisClient } from '@/lib/redis'
import { tempDir } from '../../fixtures'
import { eventually, settleWithin, startTestRedis, type TestRedis } from '../../redis-server'

jest.setTimeout(30_000)

let redis: TestRedis
const opened: RedisClient[] = []

/** A connection as one server process would hold it (its log kept out of the test output). */
async function processClient(): Promise<RedisClient> {
  const client = connectRedis(redis.url, { log: () => undefined })
  opened.push(client)
  await whenRedisReady(client)
  return client
}

let admin: RedisClient

beforeAll(async () => {
  redis = await startTestRedis()
  admin = await processClient()
})
afterAll(async () => {
  await Promise.all(opened.map(closeRedis))
  await redis?.close()
})
beforeEach(async () => {
  await admin.flushAll()
})

/**
 * Runs `check` with redis-server stopped, starting it again afterwards whatever
 * happens, and waiting until the admin connection is back (it reconnects on its
 * own schedule, and the next test's first command would otherwise find it offline).
 */
async function duringOutage(check: () => Promise<void>): Promise<void> {
  await redis.stop()
  try {
    await check()
  } finally {
    await redis.start()
    await eventually(() => whenRedisReady(admin))
  }
}

/** Runs `check` with redis-server frozen (SIGSTOP), thawing it afterwards whatever happens. */
async function whileHung(check: () => Promise<void>): Promise<void> {
  redis.pause()
  try {
    await check()
  } finally {
    redis.resume()
    await eventually(() => whenRedisReady(admin))
  }
}

/** A hung call never settles; one that fails fast does so well within this, however late the timers run. */
const HUNG_BOUND_MS = 2500

const PASSWORD = 'long enough pass'

describe.each([
  ['file', async (): Promise<AuthorStore> => createFileAuthorStore(path.join(tempDir(), 'nested', 'authors.json'))],
  ['Redis', async (): Promise<AuthorStore> => createRedisAuthorStore(await processClient(), redis.url)],
])('the %s author store', (_name, makeStore) => {
  test('adds, finds (case-insensitively), lists and removes authors, keeping only a hash of the password', async () => {
    const store = await makeStore()
    const added = await store.add({ email: 'Ann@Example.org', name: 'Ann', password: 'twelve chars ok' })
    expect(added).toMatchObject({ email: 'ann@example.org', name: 'Ann', sessionGeneration: 0 })
    const found = await store.find('ANN@example.org ')
    expect(found?.name).toBe('Ann')
    expect(found?.passwordHash).not.toContain('twelve chars ok')
    await expect(verifyPassword('twelve chars ok', found!.passwordHash)).resolves.toBe(true)
    expect((await store.list()).map((author) => author.email)).toEqual(['ann@example.org'])
    await store.remove('ANN@example.org')
    expect(await store.list()).toEqual([])
    expect(await store.find('ann@example.org')).toBeUndefined()
  })

  test('clear errors for a duplicate, an unknown email, a weak password and a bad address', async () => {
    const store = await makeStore()
    await store.add({ email: 'a@example.org', password: PASSWORD })
    await expect(store.add({ email: 'A@example.org', password: PASSWORD })).rejects.toThrow('already exists')
    await expect(store.add({ email: 'b@example.org', password: 'short' })).rejects.toThrow('at least 12 characters')
    await expect(store.add({ email: 'not an email', password: PASSWORD })).rejects.toThrow('is not an email address')
    await expect(store.remove('nobody@example.org')).rejects.toThrow('No author has the email nobody@example.org')
  })

  test('concurrent updates lose nothing and undo nothing', async () => {
    const store = await makeStore()
    await store.add({ email: 'gone@x.org', password: PASSWORD })
    await Promise.all([
      ...[1, 2, 3, 4, 5, 6].map((n) => store.add({ email: `a${n}@x.org`, password: PASSWORD })),
      store.remove('gone@x.org'),
      store.endSessions('a1@x.org'),
    ])
    expect((await store.list()).map((author) => author.email).sort()).toEqual([
      'a1@x.org',
      'a2@x.org',
      'a3@x.org',
      'a4@x.org',
      'a5@x.org',
      'a6@x.org',
    ])
  })

  test('ending sessions bumps the generation; a missing author is a no-op', async () => {
    const store = await makeStore()
    await store.add({ email: 'a@x.org', password: PASSWORD })
    expect((await store.find('a@x.org'))?.sessionGeneration).toBe(0)
    await store.endSessions('A@x.org')
    await store.endSessions('nobody@x.org')
    expect((await store.find('a@x.org'))?.sessionGeneration).toBe(1)
    expect(await store.find('nobody@x.org')).toBeUndefined()
  })
})

describe('the Redis author store', () => {
  test('two processes agree: what one adds, removes or signs out, the other sees on its next read', async () => {
    const [first, second] = [createRedisAuthorStore(await processClient(), redis.url), createRedisAuthorStore(await processClient(), redis.url)]
    await first.add({ email: 'ann@x.org', name: 'Ann', password: PASSWORD })
    expect((await second.find('ann@x.org'))?.name).toBe('Ann')
    await second.endSessions('ann@x.org')
    expect((await first.find('ann@x.org'))?.sessionGeneration).toBe(1)
    await first.remove('ann@x.org')
    expect(await second.find('ann@x.org')).toBeUndefined()
  })

  test('keeps everything under the sandbank: namespace', async () => {
    const store = createRedisAuthorStore(admin, redis.url)
    await store.add({ email: 'ann@x.org', password: PASSWORD })
    await store.endSessions('ann@x.org')
    const keys = await admin.keys('*')
    expect(keys.sort()).toEqual([REDIS_AUTHOR_KEYS.authors, REDIS_AUTHOR_KEYS.sessionGenerations].sort())
    for (const key of Object.values(REDIS_AUTHOR_KEYS)) expect(key).toMatch(/^sandbank:/)
  })

  test('removing an author ends their sessions for good: adding the email again does not bring old sessions back', async () => {
    const store = createRedisAuthorStore(admin, redis.url)
    await store.add({ email: 'ann@x.org', password: PASSWORD })
    const before = (await store.find('ann@x.org'))!.sessionGeneration
    await store.remove('ann@x.org')
    const again = await store.add({ email: 'ann@x.org', password: 'another long password' })
    expect(again.sessionGeneration).toBeGreaterThan(before)
    expect((await store.find('ann@x.org'))?.sessionGeneration).toBe(again.sessionGeneration)
  })

  test('a bad entry is reported, naming the key, the author and the field; not treated as a missing author', async () => {
    const store = createRedisAuthorStore(admin, redis.url)
    await admin.hSet(REDIS_AUTHOR_KEYS.authors, 'ann@x.org', JSON.stringify({ email: 'ann@x.org', name: 7, passwordHash: 'h', createdAt: 'c' }))
    await expect(store.find('ann@x.org')).rejects.toThrow(AuthorStoreError)
    await expect(store.find('ann@x.org')).rejects.toThrow(/sandbank:authors.*ann@x\.org.*"name"/)
    await admin.hSet(REDIS_AUTHOR_KEYS.authors, 'ann@x.org', '{not json')
    await expect(store.list()).rejects.toThrow(/sandbank:authors.*ann@x\.org.*not valid JSON/)
    await expect(store.list()).rejects.not.toBeInstanceOf(AuthorStoreUnavailableError)
  })

  test('with Redis down every call fails within about a second (the wait for a reconnection) as "unavailable", and the same store works when it returns', async () => {
    const store = createRedisAuthorStore(await processClient(), redis.url)
    await store.add({ email: 'ann@x.org', password: PASSWORD })
    await duringOutage(async () => {
      for (const call of [() => store.find('ann@x.org'), () => store.list(), () => store.endSessions('ann@x.org'), () => store.remove('ann@x.org')]) {
        const started = Date.now()
        const error = await call().then(
          () => undefined,
          (thrown: unknown) => thrown,
        )
        expect(error).toBeInstanceOf(AuthorStoreUnavailableError)
        expect(error).toBeInstanceOf(AuthorStoreError)
        expect((error as Error).message).toMatch(/Redis at redis:\/\/127\.0\.0\.1:\d+/)
        expect(Date.now() - started).toBeLessThan(HUNG_BOUND_MS)
      }
    })
    // redis-server saved its data as it stopped: the author is still there.
    await eventually(async () => expect((await store.find('ann@x.org'))?.email).toBe('ann@x.org'))
  })

  test('with Redis hung (SIGSTOP) every call fails within about a second as "unavailable", and the same store works at SIGCONT', async () => {
    const store = createRedisAuthorStore(await processClient(), redis.url)
    await store.add({ email: 'ann@x.org', password: PASSWORD })
    await whileHung(async () => {
      const calls: (() => Promise<unknown>)[] = [
        () => store.find('ann@x.org'),
        () => store.list(),
        () => store.endSessions('ann@x.org'),
        () => store.find('ann@x.org'),
      ]
      for (const call of calls) {
        const settled = await settleWithin(10_000, call())
        expect(settled.outcome).toBe('rejected')
        expect(settled.outcome === 'rejected' && settled.error).toBeInstanceOf(AuthorStoreUnavailableError)
        expect(settled.ms).toBeLessThan(HUNG_BOUND_MS)
      }
    })
    await eventually(async () => expect((await store.find('ann@x.org'))?.email).toBe('ann@x.org'))
  })

  test('imports an authors.json: hashes and session generations copied as they are, authors already in Redis kept, twice is harmless', async () => {
    const file = path.join(tempDir(), 'authors.json')
    const fileStore = createFileAuthorStore(file)
    await fileStore.add({ email: 'ann@x.org', name: 'Ann', password: PASSWORD })
    await fileStore.add({ email: 'bob@x.org', name: 'Bob', password: PASSWORD })
    await fileStore.endSessions('bob@x.org')
    const store = createRedisAuthorStore(admin, redis.url)
    await store.add({ email: 'bob@x.org', name: 'Bob in Redis', password: 'a different long password' })

    expect(await store.importAuthors(readAuthors(file))).toEqual({ added: ['ann@x.org'], kept: ['bob@x.org'] })
    expect(await store.find('ann@x.org')).toEqual(readAuthors(file)[0])
    expect((await store.find('bob@x.org'))?.name).toBe('Bob in Redis')
    // Bob's file sessions were signed out (generation 1): the kept entry does not revive them.
    expect((await store.find('bob@x.org'))?.sessionGeneration).toBeGreaterThanOrEqual(1)
    expect(await store.importAuthors(readAuthors(file))).toEqual({ added: [], kept: ['ann@x.org', 'bob@x.org'] })
  })
})

describe('the sign-in limiter on Redis', () => {
  const limits = { email: { points: 3, duration: 60 }, client: { points: 5, duration: 60 }, device: { points: 2, duration: 60 } }

  test('two processes share the count: failures sent to each in turn add up, and both refuse the next attempt', async () => {
    const processes = [
      createSignInLimiter(redisLimiterStore(await processClient()), limits),
      createSignInLimiter(redisLimiterStore(await processClient()), limits),
    ]
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await processes[attempt % 2].begin({ email: 'victim@x', client: `c${attempt}` })).allowed).toBe(true)
    }
    for (const limiter of processes) {
      const refused = await limiter.begin({ email: 'victim@x', client: 'fresh' })
      expect(refused.allowed).toBe(false)
      expect(!refused.allowed && refused.retryAfterSeconds).toBeGreaterThan(0)
    }
    expect(await admin.keys('sandbank:signin-email:*')).toEqual(['sandbank:signin-email:victim@x'])
  })

  test('concurrent attempts from both processes get exactly the allowed number of guesses', async () => {
    const processes = [
      createSignInLimiter(redisLimiterStore(await processClient()), limits),
      createSignInLimiter(redisLimiterStore(await processClient()), limits),
    ]
    const permits = await Promise.all(Array.from({ length: 20 }, (_, i) => processes[i % 2].begin({ email: 'a@x', client: `c${i}` })))
    expect(permits.filter((permit) => permit.allowed)).toHaveLength(3)
  })

  test('a right password gives its points back', async () => {
    const limiter = createSignInLimiter(redisLimiterStore(admin), limits)
    for (let i = 0; i < 6; i++) {
      const permit = await limiter.begin({ email: 'author@x', client: 'office' })
      expect(permit.allowed).toBe(true)
      if (permit.allowed) await permit.succeeded()
    }
  })

  test.each([
    ['down', 'when Redis returns', duringOutage],
    ['hung (SIGSTOP)', 'at SIGCONT', whileHung],
  ])('with Redis %s it refuses to decide (an error, not a permit) within about a second, and counts again %s', async (_state, _back, during) => {
    const limiter = createSignInLimiter(redisLimiterStore(await processClient()), limits)
    await during(async () => {
      for (const keys of [
        { email: 'a@x', client: 'c' },
        { email: 'a@x', client: 'c', device: 'd' },
        { email: 'b@x', client: 'c' },
      ]) {
        const settled = await settleWithin(10_000, limiter.begin(keys))
        expect(settled.outcome).toBe('rejected')
        expect(settled.ms).toBeLessThan(HUNG_BOUND_MS)
      }
    })
    await eventually(async () => expect((await limiter.begin({ email: 'a@x', client: 'c' })).allowed).toBe(true))
  })
})

describe('where authors and sign-in counters live', () => {
  test('REDIS_URL set: the author store is Redis, shared with every process; unset: the file', async () => {
    const dataDir = tempDir()
    const withRedis = readServerConfig({ DATA_DIR: dataDir, REDIS_URL: redis.url })
    await authorStoreFor(withRedis, admin).add({ email: 'ann@x.org', password: PASSWORD })
    expect(await admin.hExists(REDIS_AUTHOR_KEYS.authors, 'ann@x.org')).toBe(1)
    expect(readAuthors(withRedis.authorsFile)).toEqual([])

    const withoutRedis = readServerConfig({ DATA_DIR: dataDir })
    await authorStoreFor(withoutRedis).add({ email: 'bob@x.org', password: PASSWORD })
    expect(readAuthors(withoutRedis.authorsFile).map((author) => author.email)).toEqual(['bob@x.org'])
    expect(await admin.hExists(REDIS_AUTHOR_KEYS.authors, 'bob@x.org')).toBe(0)
  })

  test('REDIS_URL set: sign-in counters are in Redis; unset: in the process', async () => {
    const withRedis = createSignInLimiter(limiterStoreFor(readServerConfig({ REDIS_URL: redis.url }), admin))
    await withRedis.begin({ email: 'ann@x.org', client: 'c' })
    expect(await admin.keys('sandbank:signin-*')).toEqual(expect.arrayContaining(['sandbank:signin-email:ann@x.org', 'sandbank:signin-client:c']))
    await admin.flushAll()
    const inMemory = createSignInLimiter(limiterStoreFor(readServerConfig({})))
    await inMemory.begin({ email: 'bob@x.org', client: 'c' })
    expect(await admin.keys('*')).toEqual([])
  })
})
