/**
 * Comments in files, for one machine (no REDIS_URL): `<DATA_DIR>/comments/<post>.json`,
 * one file per post, so showing a post reads only its own comments. Every change
 * runs under that file's lock and replaces it in one rename (lib/files), so comments
 * arriving at once from any number of requests or processes are all kept.
 */
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { readTextIfExists, withFileLock, writeFileAtomically } from '../files'
import { isValidPostSlug } from '../markdown'
import type { NewComment, StoredComment } from './model'
import { normalizeCommentEmail } from './model'
import {
  CommentStoreError,
  newestFirst,
  oldestFirst,
  prepareNewComment,
  recentlyApprovedFirst,
  validateStoredComment,
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
  }
}
