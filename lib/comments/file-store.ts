/**
 * Comments in files, for one machine (no REDIS_URL): `<DATA_DIR>/comments/<post>.json`,
 * one file per post, so showing a post reads only its own comments; a form sent back
 * with its problems waits for its page in `.attempts/<key>.json` beside them. Every change
 * runs under that file's lock and replaces it in one rename (lib/files), so comments
 * arriving at once from any number of requests or processes are all kept.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { readTextIfExists, withFileLock, writeFileAtomically } from '../files'
import { isValidPostSlug } from '../markdown'
import type { NewComment, StoredComment } from './model'
import { normalizeCommentEmail } from './model'
import {
  ATTEMPT_LIFETIME_MS,
  CommentStoreError,
  isAttemptKey,
  newAttemptKey,
  newestFirst,
  oldestFirst,
  prepareNewComment,
  recentlyApprovedFirst,
  validateStoredComment,
  type CommentAttempt,
  type CommentStore,
} from './store'

const storeError = (message: string) => new CommentStoreError(message)
const WHAT = 'the comment store'

export function createFileCommentStore(dir: string): CommentStore {
  const fileOf = (post: string) => {
    if (!isValidPostSlug(post)) throw new CommentStoreError(`"${post.slice(0, 60)}" is not a post slug`)
    return path.join(dir, `${post}.json`)
  }

  function read(file: string): StoredComment[] {
    const text = readTextIfExists(file, storeError, WHAT)
    if (text === undefined) return []
    let parsed: { comments?: unknown }
    try {
      parsed = JSON.parse(text)
    } catch (error) {
      throw new CommentStoreError(`The comment store ${file} is not valid JSON: ${(error as Error).message}`)
    }
    if (!Array.isArray(parsed?.comments)) throw new CommentStoreError(`The comment store ${file} is not valid: it must have a "comments" list`)
    return parsed.comments.map((entry, index) => validateStoredComment(entry, `The comment store ${file} is not valid: entry ${index + 1}`))
  }

  function posts(): string[] {
    if (!existsSync(dir)) return []
    return readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length))
      .filter(isValidPostSlug)
  }

  const all = () => posts().flatMap((post) => read(fileOf(post)))

  /** One read-modify-write of a post's file under its lock. */
  function update<T>(post: string, change: (comments: StoredComment[]) => { comments?: StoredComment[]; result: T }): Promise<T> {
    const file = fileOf(post)
    return withFileLock(
      file,
      () => {
        const { comments, result } = change(read(file))
        if (comments) writeFileAtomically(file, JSON.stringify({ comments }, null, 1) + '\n', storeError, WHAT)
        return result
      },
      storeError,
      WHAT,
    )
  }

  // A dot folder: never a post slug, so never read as a post's comments.
  const attemptsDir = path.join(dir, '.attempts')
  const attemptFile = (key: string) => path.join(attemptsDir, `${key}.json`)

  /** Deletes attempts older than their lifetime (a reader who never followed the redirect). */
  function pruneAttempts(now: Date): void {
    if (!existsSync(attemptsDir)) return
    for (const name of readdirSync(attemptsDir)) {
      const file = path.join(attemptsDir, name)
      try {
        if (statSync(file).mtimeMs + ATTEMPT_LIFETIME_MS < now.getTime()) rmSync(file, { force: true })
      } catch {
        // Taken by another request meanwhile.
      }
    }
  }

  /** The post a comment is on, found by reading each post's file (moderation only: a few a day). */
  const postOf = (id: string) => all().find((comment) => comment.id === id)?.post

  return {
    async add(input: NewComment, now?: Date) {
      const comment = prepareNewComment(input, now)
      return update(comment.post, (comments) => ({ comments: [...comments, comment], result: comment }))
    },
    find: async (id) => all().find((comment) => comment.id === id),
    approvedFor: async (post) =>
      read(fileOf(post))
        .filter((comment) => comment.status === 'approved')
        .sort(oldestFirst),
    pending: async () =>
      all()
        .filter((comment) => comment.status === 'pending')
        .sort(newestFirst),
    recentlyApproved: async (limit) =>
      all()
        .filter((comment) => comment.status === 'approved')
        .sort(recentlyApprovedFirst)
        .slice(0, limit),
    async approve(id, now = new Date()) {
      const post = postOf(id)
      if (!post) return undefined
      return update(post, (comments) => {
        const found = comments.find((comment) => comment.id === id && comment.status === 'pending')
        if (!found) return { result: undefined }
        const approved: StoredComment = { ...found, status: 'approved', approvedAt: now.toISOString() }
        return { comments: comments.map((comment) => (comment.id === id ? approved : comment)), result: approved }
      })
    },
    async remove(id) {
      const post = postOf(id)
      if (!post) return undefined
      return update(post, (comments) => {
        const found = comments.find((comment) => comment.id === id)
        return found ? { comments: comments.filter((comment) => comment.id !== id), result: found } : { result: undefined }
      })
    },
    byEmail: async (email) => {
      const wanted = normalizeCommentEmail(email)
      return all()
        .filter((comment) => comment.email === wanted)
        .sort(oldestFirst)
    },
    async removeByEmail(email) {
      const wanted = normalizeCommentEmail(email)
      const removed: StoredComment[] = []
      for (const post of posts()) {
        removed.push(
          ...(await update(post, (comments) => {
            const theirs = comments.filter((comment) => comment.email === wanted)
            return theirs.length ? { comments: comments.filter((comment) => comment.email !== wanted), result: theirs } : { result: [] }
          })),
        )
      }
      return removed.sort(oldestFirst)
    },
    async keepAttempt(attempt, now = new Date()) {
      pruneAttempts(now)
      const key = newAttemptKey()
      mkdirSync(attemptsDir, { recursive: true, mode: 0o700 })
      writeFileAtomically(attemptFile(key), JSON.stringify({ expires: now.getTime() + ATTEMPT_LIFETIME_MS, attempt }), storeError, WHAT)
      return key
    },
    async takeAttempt(key, now = new Date()) {
      if (!isAttemptKey(key)) return undefined
      // Renamed before it is read, so of two requests for it only one gets it.
      const taken = `${attemptFile(key)}.${randomBytes(4).toString('hex')}.taken`
      try {
        renameSync(attemptFile(key), taken)
      } catch {
        return undefined
      }
      const text = readTextIfExists(taken, storeError, WHAT)
      rmSync(taken, { force: true })
      if (text === undefined) return undefined
      const { expires, attempt } = JSON.parse(text) as { expires: number; attempt: CommentAttempt }
      return expires > now.getTime() ? attempt : undefined
    },
  }
}
