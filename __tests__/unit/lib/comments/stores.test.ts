/**
 * The comment-store contract, held by the file store (no REDIS_URL) and the Redis
 * store (a real redis-server), with many comments arriving at once from several
 * connections; and the per-client limit shared through Redis.
 */
import { statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import {
  ATTEMPT_LIFETIME_MS,
  CommentStoreUnavailableError,
  commentLimiterFor,
  createFileCommentStore,
  createRedisCommentStore,
  type CommentStore,
} from '@/lib/comments'
import { whenRedisReady } from '@/lib/redis'
import { tempDir } from '../../fixtures'
import { eventually, redisForThisFile } from '../../redis-server'

jest.setTimeout(60_000)

const { server, processClient, admin } = redisForThisFile()

const comment = (post: string, n: number, extra: Partial<{ email: string; parent: string }> = {}) => ({
  post,
  name: `Reader ${n}`,
  text: `Comment number ${n}`,
  ...extra,
})
const minutes = (n: number) => new Date(Date.UTC(2025, 0, 1, 12, n))

/** Several "processes": each store its own connection (Redis) or its own handle on the same folder (files). */
describe.each([
  [
    'file',
    async () => {
      const dir = path.join(tempDir(), 'comments')
      return () => createFileCommentStore(dir)
    },
  ],
  [
    'Redis',
    async () => {
      return async () => createRedisCommentStore(await processClient(), server().url)
    },
  ],
])('the %s comment store', (_name, makeFactory) => {
  let open: () => CommentStore | Promise<CommentStore>
  beforeEach(async () => {
    open = await makeFactory()
  })

  test('holds a new comment as pending, approves it onto its post, and deletes it', async () => {
    const store = await open()
    const added = await store.add({ ...comment('a-post', 1), email: 'Ann@Example.org ' }, minutes(1))
    expect(added).toMatchObject({ post: 'a-post', status: 'pending', email: 'ann@example.org', createdAt: minutes(1).toISOString() })
    expect(added.id).toMatch(/^c-[0-9a-f]{20}$/)
    expect(await store.approvedFor('a-post')).toEqual([])
    expect((await store.pending()).map((c) => c.id)).toEqual([added.id])
    const approved = await store.approve(added.id, minutes(2))
    expect(approved).toMatchObject({ status: 'approved', approvedAt: minutes(2).toISOString() })
    expect(await store.approve(added.id)).toBeUndefined()
    expect(await store.pending()).toEqual([])
    expect(await store.approvedFor('a-post')).toEqual([approved])
    expect(await store.approvedFor('another-post')).toEqual([])
    expect(await store.find(added.id)).toEqual(approved)
    expect(await store.recentlyApproved(10)).toEqual([approved])
    expect(await store.remove(added.id)).toEqual(approved)
    expect(await store.remove(added.id)).toBeUndefined()
    expect(await store.find(added.id)).toBeUndefined()
    expect(await store.approvedFor('a-post')).toEqual([])
    expect(await store.approve(added.id)).toBeUndefined()
  })

  test('a form sent back is kept for its page, which any process takes once', async () => {
    const [one, other] = [await open(), await open()]
    const attempt = {
      post: 'a-post',
      values: { name: 'Ann', email: 'ann@example.org', website: '', comment: 'Kept\nword for word, 東京', parent: '' },
      errors: { token: 'The form was sent very quickly after the page loaded.' },
      problem: 'errors' as const,
      token: 'a-token',
    }
    const key = await one.keepAttempt(attempt)
    expect(key).toMatch(/^[A-Za-z0-9_-]{24}$/)
    const takers = await Promise.all([other.takeAttempt(key), one.takeAttempt(key), other.takeAttempt(key)])
    expect(takers.filter(Boolean)).toEqual([attempt])
    expect(await other.takeAttempt(key)).toBeUndefined()
    expect(await other.takeAttempt('../../etc/passwd')).toBeUndefined()
    expect(await other.takeAttempt(key.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')))).toBeUndefined()
    // Kept no longer than its lifetime, and never among the comments.
    const old = await one.keepAttempt(attempt, minutes(0))
    expect(await other.takeAttempt(old, new Date(minutes(0).getTime() + ATTEMPT_LIFETIME_MS + 1000))).toBeUndefined()
    expect(await one.pending()).toEqual([])
  })

  test('pending newest first, approved oldest first on the post, recently approved first for moderation', async () => {
    const store = await open()
    const [one, two, three] = [
      await store.add(comment('p', 1), minutes(1)),
      await store.add(comment('p', 2), minutes(2)),
      await store.add(comment('q', 3), minutes(3)),
    ]
    expect((await store.pending()).map((c) => c.id)).toEqual([three.id, two.id, one.id])
    await store.approve(two.id, minutes(10))
    await store.approve(one.id, minutes(11))
    expect((await store.approvedFor('p')).map((c) => c.id)).toEqual([one.id, two.id])
    expect((await store.recentlyApproved(1)).map((c) => c.id)).toEqual([one.id])
  })

  test("a person's comments are found and deleted by their email, on every post, in either state", async () => {
    const store = await open()
    const mine = [
      await store.add(comment('p', 1, { email: 'me@example.org' }), minutes(1)),
      await store.add(comment('q', 2, { email: 'ME@example.org' }), minutes(2)),
    ]
    const other = await store.add(comment('p', 3, { email: 'other@example.org' }), minutes(3))
    await store.approve(mine[0].id)
    expect((await store.byEmail(' Me@Example.org')).map((c) => c.id)).toEqual(mine.map((c) => c.id))
    expect((await store.removeByEmail('me@example.org')).map((c) => c.id)).toEqual(mine.map((c) => c.id))
    expect(await store.byEmail('me@example.org')).toEqual([])
    expect(await store.approvedFor('p')).toEqual([])
    expect((await store.pending()).map((c) => c.id)).toEqual([other.id])
  })

  test('nothing is lost when 60 comments arrive at once through 4 connections, on one post and on several', async () => {
    const stores = await Promise.all([open(), open(), open(), open()])
    const added = await Promise.all(Array.from({ length: 60 }, (_, n) => stores[n % 4].add(comment(n % 3 === 0 ? 'busy' : `post-${n % 2}`, n))))
    const pending = await stores[0].pending()
    expect(pending.map((c) => c.id).sort()).toEqual(added.map((c) => c.id).sort())
    // Approving and deleting at once, from every connection: each comment ends in exactly one state.
    await Promise.all(added.map((c, n) => (n % 2 === 0 ? stores[n % 4].approve(c.id) : stores[(n + 1) % 4].remove(c.id))))
    const approved = [
      ...(await stores[1].approvedFor('busy')),
      ...(await stores[1].approvedFor('post-0')),
      ...(await stores[1].approvedFor('post-1')),
    ]
    expect(approved.map((c) => c.id).sort()).toEqual(
      added
        .filter((_, n) => n % 2 === 0)
        .map((c) => c.id)
        .sort(),
    )
    expect(await stores[2].pending()).toEqual([])
  })
})

test('the file store keeps one file per post, readable by its owner only, and names a bad file', async () => {
  const dir = path.join(tempDir(), 'comments')
  const store = createFileCommentStore(dir)
  await store.add(comment('a-post', 1))
  expect(statSync(path.join(dir, 'a-post.json')).mode & 0o777).toBe(0o600)
  writeFileSync(path.join(dir, 'a-post.json'), '{"comments":[{"id":"c-bad"}]}')
  await expect(store.approvedFor('a-post')).rejects.toThrow(/a-post\.json is not valid: entry 1 has no valid "id"/)
  await expect(store.approvedFor('../etc')).rejects.toThrow(/not a post slug/)
})

test('with Redis stopped, the store fails at once with CommentStoreUnavailableError, and recovers without a restart', async () => {
  const store = createRedisCommentStore(await processClient(), server().url)
  await store.add(comment('p', 1))
  await server().stop()
  try {
    await expect(store.pending()).rejects.toBeInstanceOf(CommentStoreUnavailableError)
  } finally {
    await server().start()
    await eventually(() => whenRedisReady(admin()))
  }
  await eventually(async () => {
    expect(await store.pending()).toHaveLength(1)
  })
})

describe('the per-client comment limit', () => {
  test('five comments in the window, the sixth refused with how long to wait; another client unaffected', async () => {
    const limiter = commentLimiterFor({ redisUrl: undefined })
    for (let i = 0; i < 5; i++) expect(await limiter.take('203.0.113.1')).toEqual({ allowed: true })
    const refused = await limiter.take('203.0.113.1')
    expect(refused.allowed).toBe(false)
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThan(590)
    expect(await limiter.take('203.0.113.2')).toEqual({ allowed: true })
  })

  test('in Redis the count is shared by every process', async () => {
    const [a, b] = [
      commentLimiterFor({ redisUrl: server().url }, await processClient()),
      commentLimiterFor({ redisUrl: server().url }, await processClient()),
    ]
    for (let i = 0; i < 5; i++) expect((await (i % 2 ? a : b).take('198.51.100.7')).allowed).toBe(true)
    expect((await a.take('198.51.100.7')).allowed).toBe(false)
    expect((await b.take('198.51.100.7')).allowed).toBe(false)
  })
})
