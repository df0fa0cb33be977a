import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { ModerationQueue } from '@/components/comments'
import { CSRF_TOKEN_HEADER } from '@/lib/auth'
import { requireAuthor } from '@/lib/auth/server'
import { CommentStoreError, MODERATION_WORDS } from '@/lib/comments'
import { moderationQueue } from '@/lib/comments/server'
import { COMMENT_MODERATION } from '@/lib/routes'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { title: 'Comments', robots: { index: false, follow: false } }

type Props = { searchParams: Promise<{ done?: string | string[]; count?: string | string[]; problem?: string | string[] }> }

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

/** What the last action did, from the 303 that came back here (only known words are shown). */
function doneMessage(done: string | undefined, count: string | undefined): string | undefined {
  if (done === 'erased') return MODERATION_WORDS.done.erased(Number(count) || 0)
  if (done && Object.hasOwn(MODERATION_WORDS.done, done) && done !== 'erased') return MODERATION_WORDS.done[done as 'approved']
  return undefined
}

/** Comments awaiting moderation, for signed-in authors only; every form carries the CSRF token proxy.ts set. */
export default async function CommentModerationPage({ searchParams }: Props) {
  await requireAuthor(COMMENT_MODERATION)
  const query = await searchParams
  const csrfToken = (await headers()).get(CSRF_TOKEN_HEADER) ?? ''
  const done = doneMessage(first(query.done), first(query.count))
  const problem = first(query.problem)
  const problemMessage = problem === 'csrf' ? MODERATION_WORDS.errors.csrf : problem === 'email' ? MODERATION_WORDS.errors.email : undefined
  let queue
  try {
    queue = await moderationQueue()
  } catch (error) {
    if (!(error instanceof CommentStoreError)) throw error
    console.error(`sandbank: the moderation page could not read the comment store: ${error.message}`)
    queue = undefined
  }
  return (
    <>
      {done ? (
        <div className="notification-banner notification-banner-success" role="alert" aria-labelledby="moderation-done-title">
          <div className="notification-banner-header">
            <h2 className="notification-banner-title" id="moderation-done-title">
              Success
            </h2>
          </div>
          <div className="notification-banner-content">
            <p className="notification-banner-heading">{done}</p>
          </div>
        </div>
      ) : null}
      {problemMessage ? (
        <div className="error-summary" role="alert" aria-labelledby="moderation-problem-title">
          <h2 id="moderation-problem-title">There is a problem</h2>
          <p>{problemMessage}</p>
        </div>
      ) : null}
      <h1>{MODERATION_WORDS.title}</h1>
      {queue ? (
        <ModerationQueue pending={queue.pending} approved={queue.approved} csrfToken={csrfToken} />
      ) : (
        <p className="banner">The comment store cannot be reached right now. Try again in a minute.</p>
      )}
    </>
  )
}
