import { statSync } from 'node:fs'
import { AuthorStoreUnavailableError, createFileAuthorStore, createRedisAuthorStore, readAuthors, verifyPassword } from '@/lib/auth'
import { readServerConfig } from '@/lib/config'
import { closeRedis, connectRedis, whenRedisReady, type RedisClient } from '@/lib/redis'
import { ensureAuthSecret, ensureDefaultAuthor, importAuthorsIntoEmptyStore } from '@/scripts/lib/provisioning'
import { freePort } from '@/scripts/lib/process'
import { tempDir } from '../fixtures'
import { startTestRedis, type TestRedis } from '../redis-server'

jest.setTimeout(20_000)

describe('embedded defaults', () => {
  test('a secret is generated once, saved 0600 and reused; the environment wins', () => {
    const dataDir = tempDir()
    const config = readServerConfig({ DATA_DIR: dataDir })
    const first = ensureAuthSecret(config)
    expect(first.origin).toBe('generated')
    expect(first.secret.length).toBeGreaterThanOrEqual(32)
    expect(statSync(first.file!).mode & 0o777).toBe(0o600)
    expect(ensureAuthSecret(config)).toEqual({ secret: first.secret, origin: 'file', file: first.file })
    const fromEnv = 'x'.repeat(40)
    expect(ensureAuthSecret(readServerConfig({ DATA_DIR: dataDir, NEXTAUTH_SECRET: fromEnv }))).toEqual({ secret: fromEnv, origin: 'environment' })
  })
  test('one author with a random password is created only when there are none', async () => {
    const config = readServerConfig({ DATA_DIR: tempDir() })
    const first = await ensureDefaultAuthor(config)
    const second = await ensureDefaultAuthor(readServerConfig({ DATA_DIR: tempDir() }))
    expect(first?.password).not.toBe(second?.password)
    expect(first?.password.length).toBeGreaterThanOrEqual(20)
    expect(first?.location).toBe(config.authorsFile)
    const stored = await createFileAuthorStore(config.authorsFile).find(first!.email)
    await expect(verifyPassword(first!.password, stored!.passwordHash)).resolves.toBe(true)
    await expect(ensureDefaultAuthor(config)).resolves.toBeUndefined()
  })
})

describe('embedded defaults with REDIS_URL', () => {
  let redis: TestRedis
  let client: RedisClient
  beforeAll(async () => {
    redis = await startTestRedis()
    client = connectRedis(redis.url, { log: () => undefined })
    await whenRedisReady(client)
  })
  afterAll(async () => {
    if (client) await closeRedis(client)
    await redis?.close()
  })
  beforeEach(async () => {
    await client.flushAll()
  })

  test('the generated author goes into Redis, once, and authors.json is left alone', async () => {
    const config = readServerConfig({ DATA_DIR: tempDir(), REDIS_URL: redis.url })
    const store = createRedisAuthorStore(client, redis.url)
    const created = await ensureDefaultAuthor(config, store)
    expect(created?.location).toMatch(/^Redis at redis:\/\/127\.0\.0\.1:\d+/)
    const stored = await store.find(created!.email)
    await expect(verifyPassword(created!.password, stored!.passwordHash)).resolves.toBe(true)
    expect(readAuthors(config.authorsFile)).toEqual([])
    await expect(ensureDefaultAuthor(config, store)).resolves.toBeUndefined()
  })

  test('an existing authors.json is copied into a Redis that holds no authors, and never again', async () => {
    const config = readServerConfig({ DATA_DIR: tempDir(), REDIS_URL: redis.url })
    await createFileAuthorStore(config.authorsFile).add({ email: 'ann@x.org', password: 'long enough pass' })
    const store = createRedisAuthorStore(client, redis.url)
    expect(await importAuthorsIntoEmptyStore(config.authorsFile, store)).toEqual({ added: ['ann@x.org'], kept: [] })
    // Removing every author from Redis does not make the old file come back on the next start.
    await store.remove('ann@x.org')
    expect(await store.list()).toEqual([])
    expect(await importAuthorsIntoEmptyStore(config.authorsFile, store)).toBeUndefined()
    expect(await store.find('ann@x.org')).toBeUndefined()
  })

  test('Redis unreachable: no author is made, and the caller hears why', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`
    const nowhere = connectRedis(url, { log: () => undefined })
    try {
      const config = readServerConfig({ DATA_DIR: tempDir(), REDIS_URL: url })
      await expect(ensureDefaultAuthor(config, createRedisAuthorStore(nowhere, url))).rejects.toBeInstanceOf(AuthorStoreUnavailableError)
      expect(readAuthors(config.authorsFile)).toEqual([])
    } finally {
      await closeRedis(nowhere)
    }
  })
})
