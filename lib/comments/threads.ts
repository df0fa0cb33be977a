/**
 * How a post's comments are laid out: oldest first, each reply under its
 * top-level ancestor (one level deep, however deep the conversation went),
 * pingbacks and trackbacks apart, and pages of at most COMMENT_LIMITS.perPage
 * comments so a busy post keeps its weight.
 */
import { COMMENT_LIMITS, type ShownComment } from './model'

export type CommentEntry = ShownComment & {
  /** The name of the comment a reply answers, when that is not the top-level comment it is shown under. */
  replyingTo?: string
}

export type CommentThread = {
  /** Undefined when the thread began on an earlier page: its replies continue here. */
  comment?: CommentEntry
  /** The top-level comment, named and linked from a continued thread. */
  top: Pick<ShownComment, 'id' | 'name'>
  replies: CommentEntry[]
}

export type CommentPage = {
  page: number
  pages: number
  threads: CommentThread[]
}

export type LaidOutComments = {
  /** Conversation comments (not pingbacks), for the count and JSON-LD. */
  count: number
  pages: number
  /** Pingbacks and trackbacks, oldest first. */
  mentions: ShownComment[]
  /** Every conversation comment in reading order: each top-level comment followed by its replies. */
  ordered: { entry: CommentEntry; topId: string }[]
}

const oldestFirst = (a: ShownComment, b: ShownComment) => Date.parse(a.date) - Date.parse(b.date) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

export function layOutComments(comments: readonly ShownComment[], perPage: number = COMMENT_LIMITS.perPage): LaidOutComments {
  const conversation = comments.filter((comment) => comment.kind === 'comment').sort(oldestFirst)
  const mentions = comments.filter((comment) => comment.kind !== 'comment').sort(oldestFirst)
  const byId = new Map(conversation.map((comment) => [comment.id, comment]))
  /** The top-level ancestor; a missing parent (deleted, or never imported) or a loop makes the comment top-level itself. */
  const topOf = (comment: ShownComment): ShownComment => {
    const seen = new Set<string>()
    let current = comment
    while (current.parent && byId.has(current.parent) && !seen.has(current.id)) {
      seen.add(current.id)
      current = byId.get(current.parent)!
    }
    return current
  }
  const replies = new Map<string, CommentEntry[]>()
  const tops: ShownComment[] = []
  for (const comment of conversation) {
    const top = topOf(comment)
    if (top === comment) {
      tops.push(comment)
      continue
    }
    const parent = byId.get(comment.parent!)!
    const entry: CommentEntry = parent.id === top.id ? comment : { ...comment, replyingTo: parent.name }
    replies.set(top.id, [...(replies.get(top.id) ?? []), entry])
  }
  const ordered = tops.flatMap((top) => [
    { entry: top as CommentEntry, topId: top.id },
    ...(replies.get(top.id) ?? []).map((entry) => ({ entry, topId: top.id })),
  ])
  return { count: conversation.length, pages: Math.max(1, Math.ceil(ordered.length / perPage)), mentions, ordered }
}

/** One page of the laid-out comments, grouped back into threads. Undefined past the last page. */
export function commentPage(laid: LaidOutComments, page: number, perPage: number = COMMENT_LIMITS.perPage): CommentPage | undefined {
  if (!Number.isInteger(page) || page < 1 || page > laid.pages) return undefined
  const slice = laid.ordered.slice((page - 1) * perPage, page * perPage)
  const names = new Map(laid.ordered.map(({ entry }) => [entry.id, entry.name]))
  const threads: CommentThread[] = []
  for (const { entry, topId } of slice) {
    const current = threads.at(-1)
    if (current && current.top.id === topId) current.replies.push(entry)
    else if (entry.id === topId) threads.push({ comment: entry, top: { id: topId, name: entry.name }, replies: [] })
    else threads.push({ top: { id: topId, name: names.get(topId) ?? '' }, replies: [entry] })
  }
  return { page, pages: laid.pages, threads }
}

/** The page of the laid-out comments that holds a comment, so a link can reach it. */
export function pageOfComment(laid: LaidOutComments, id: string, perPage: number = COMMENT_LIMITS.perPage): number | undefined {
  const index = laid.ordered.findIndex(({ entry }) => entry.id === id)
  return index === -1 ? undefined : Math.floor(index / perPage) + 1
}
