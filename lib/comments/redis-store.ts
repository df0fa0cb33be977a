/**
 * Comments in Redis, shared by every server process and `npm run comments`, when
 * REDIS_URL is set:
 *
 *   sandbank:comment:<id>                 the comment as JSON
 *   sandbank:comments:post:<slug>         sorted set: the post's approved comments, by when they were written
 *   sandbank:comments:pending             sorted set: comments awaiting moderation, by when they were written
 *   sandbank:comments:approved            sorted set: approved comments, by when they were approved
 *   sandbank:comments:email:<sha256>      set: the comments sent with one email (a person's request for their data)
 *   sandbank:comments:attempt:<key>       a form sent back with its problems, for its page: expires after ATTEMPT_LIFETIME_MS
 *
 * A new comment is one MULTI; approving and deleting are Lua scripts that check
 * the comment's state and move it in one step, so concurrent writers from any
 * process lose nothing and never approve a deleted comment. No comment key
 * expires, so the stack's volatile-lru eviction never touches them; only the
 * short-lived attempts do, and may be evicted first under memory pressure.
 */
import { createHash } from 'node:crypto'
import { REDIS_KEY_PREFIX, describeRedisUrl, withRedis as withGuardedRedis, type RedisClient } from '../redis'
import { normalizeCommentEmail, type StoredComment } from './model'
import {
  ATTEMPT_LIFETIME_MS,
  CommentStoreError,
  CommentStoreUnavailableError,
  isAttemptKey,
  newAttemptKey,
  oldestFirst,
  prepareNewComment,
  validateStoredComment,
  type CommentAttempt,
  type CommentStore,
} from './store'

export const REDIS_COMMENT_KEYS = {
  comment: (id: string) => `${REDIS_KEY_PREFIX}comment:${id}`,
  post: (slug: string) => `${REDIS_KEY_PREFIX}comments:post:${slug}`,
  pending: `${REDIS_KEY_PREFIX}comments:pending`,
  approved: `${REDIS_KEY_PREFIX}comments:approved`,
  /** Hashed, so the addresses are not in key names that `redis-cli --scan` lists. */
  email: (email: string) => `${REDIS_KEY_PREFIX}comments:email:${createHash('sha256').update(normalizeCommentEmail(email)).digest('hex')}`,
  attempt: (key: string) => `${REDIS_KEY_PREFIX}comments:attempt:${key}`,
}

/** Pending → approved, only if still pending: KEYS comment, pending, post, approved; ARGV id, approved JSON, written ms, approved ms. */
const APPROVE = `
if redis.call('ZREM', KEYS[2], ARGV[1]) == 0 then return 0 end
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
redis.call('ZADD', KEYS[4], ARGV[4], ARGV[1])
return 1`

/** Deletes a comment and every index entry: KEYS comment, pending, post, approved[, email]; ARGV id. */
const REMOVE = `
if redis.call('DEL', KEYS[1]) == 0 then return 0 end
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
if KEYS[5] then redis.call('SREM', KEYS[5], ARGV[1]) end
return 1`

/** `connection` is a client, or a function giving one on first use (a server process connects only when needed). */
export function createRedisCommentStore(connection: RedisClient | (() => RedisClient), url: string): CommentStore {
  const where = `Redis at ${describeRedisUrl(url)}`
  const client = typeof connection === 'function' ? connection : () => connection
  const withRedis = <T>(run: (redis: RedisClient) => Promise<T>): Promise<T> =>
    withGuardedRedis(
      client,
      {
        label: 'The comment store',
        where,
        isOwn: (error) => error instanceof CommentStoreError,
        refused: (message) => new CommentStoreError(message),
        unavailable: (message) => new CommentStoreUnavailableError(message),
      },
      run,
    )

  const parse = (id: string, json: string): StoredComment => {
    const entryName = `The comment store in ${where} is not valid: ${REDIS_COMMENT_KEYS.comment(id)}`
    try {
      return validateStoredComment(JSON.parse(json), entryName)
    } catch (error) {
      if (error instanceof CommentStoreError) throw error
      throw new CommentStoreError(`${entryName} is not valid JSON`)
    }
  }

  /** The comments with these ids, in the same order; ids whose comment has gone are left out. */
  async function load(redis: RedisClient, ids: string[]): Promise<StoredComment[]> {
    if (ids.length === 0) return []
    const values = await redis.mGet(ids.map(REDIS_COMMENT_KEYS.comment))
    return ids.flatMap((id, index) => (values[index] === null ? [] : [parse(id, values[index] as string)]))
  }

  async function removeOne(redis: RedisClient, comment: StoredComment): Promise<boolean> {
    const keys = [
      REDIS_COMMENT_KEYS.comment(comment.id),
      REDIS_COMMENT_KEYS.pending,
      REDIS_COMMENT_KEYS.post(comment.post),
      REDIS_COMMENT_KEYS.approved,
      ...(comment.email ? [REDIS_COMMENT_KEYS.email(comment.email)] : []),
    ]
    return (await redis.eval(REMOVE, { keys, arguments: [comment.id] })) === 1
  }

  async function findIn(redis: RedisClient, id: string): Promise<StoredComment | undefined> {
    const json = await redis.get(REDIS_COMMENT_KEYS.comment(id))
    return json === null ? undefined : parse(id, json)
  }

  return {
    add: (input, now) =>
      withRedis(async (redis) => {
        const comment = prepareNewComment(input, now)
        const multi = redis
          .multi()
          .set(REDIS_COMMENT_KEYS.comment(comment.id), JSON.stringify(comment))
          .zAdd(REDIS_COMMENT_KEYS.pending, { score: Date.parse(comment.createdAt), value: comment.id })
        if (comment.email) multi.sAdd(REDIS_COMMENT_KEYS.email(comment.email), comment.id)
        await multi.exec()
        return comment
      }),
    find: (id) => withRedis((redis) => findIn(redis, id)),
    approvedFor: (post) => withRedis(async (redis) => load(redis, await redis.zRange(REDIS_COMMENT_KEYS.post(post), 0, -1))),
    pending: () => withRedis(async (redis) => load(redis, await redis.zRange(REDIS_COMMENT_KEYS.pending, 0, -1, { REV: true }))),
    recentlyApproved: (limit) =>
      withRedis(async (redis) => load(redis, await redis.zRange(REDIS_COMMENT_KEYS.approved, 0, Math.max(0, limit - 1), { REV: true }))),
    approve: (id, now = new Date()) =>
      withRedis(async (redis) => {
        const found = await findIn(redis, id)
        if (!found || found.status !== 'pending') return undefined
        const approved: StoredComment = { ...found, status: 'approved', approvedAt: now.toISOString() }
        const moved = await redis.eval(APPROVE, {
          keys: [REDIS_COMMENT_KEYS.comment(id), REDIS_COMMENT_KEYS.pending, REDIS_COMMENT_KEYS.post(found.post), REDIS_COMMENT_KEYS.approved],
          arguments: [id, JSON.stringify(approved), String(Date.parse(found.createdAt)), String(now.getTime())],
        })
        return moved === 1 ? approved : undefined
      }),
    remove: (id) =>
      withRedis(async (redis) => {
        const found = await findIn(redis, id)
        return found && (await removeOne(redis, found)) ? found : undefined
      }),
    byEmail: (email) => withRedis(async (redis) => (await load(redis, await redis.sMembers(REDIS_COMMENT_KEYS.email(email)))).sort(oldestFirst)),
    removeByEmail: (email) =>
      withRedis(async (redis) => {
        const theirs = await load(redis, await redis.sMembers(REDIS_COMMENT_KEYS.email(email)))
        const removed: StoredComment[] = []
        for (const comment of theirs) if (await removeOne(redis, comment)) removed.push(comment)
        return removed.sort(oldestFirst)
      }),
    keepAttempt: (attempt, now = new Date()) =>
      withRedis(async (redis) => {
        const key = newAttemptKey()
        const kept = JSON.stringify({ expires: now.getTime() + ATTEMPT_LIFETIME_MS, attempt })
        await redis.set(REDIS_COMMENT_KEYS.attempt(key), kept, { PX: ATTEMPT_LIFETIME_MS })
        return key
      }),
    takeAttempt: async (key, now = new Date()) => {
      if (!isAttemptKey(key)) return undefined
      const json = await withRedis((redis) => redis.getDel(REDIS_COMMENT_KEYS.attempt(key)))
      if (json === null) return undefined
      const { expires, attempt } = JSON.parse(json) as { expires: number; attempt: CommentAttempt }
      return expires > now.getTime() ? attempt : undefined
    },
  }
}
