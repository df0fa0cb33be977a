import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { CommentForm, CommentItem } from '@/components/comments'
import { Link } from '@/components/Link'
import { COMMENT_WORDS, EMPTY_VALUES } from '@/lib/comments'
import { commentsSetting, formTokenNow, replyTarget, takeAttempt } from '@/lib/comments/server'
import { getPublishedPost } from '@/lib/content/server'
import { commentPostUrl, postUrl } from '@/lib/routes'

// A fresh token on every request, and the form shown again with one reader's words: never cached.
export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ reply?: string | string[]; attempt?: string | string[] }> }

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

async function openPost(slug: string) {
  const post = getPublishedPost(slug)
  return post && commentsSetting(post) === 'open' ? post : undefined
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const post = await openPost((await params).slug)
  const attempt = first((await searchParams).attempt)
  const title = post ? `${COMMENT_WORDS.formHeading}: ${post.title}` : COMMENT_WORDS.formHeading
  // GOV.UK: a page shown again with problems says so first in its title. (The attempt itself is read once, by the page.)
  return { title: attempt ? `Error: ${title}` : title, robots: { index: false, follow: false } }
}

/**
 * The comment form on a page of its own: to reply to a comment, and shown again, once, after the route handler sent a form
 * back with problems in its fields or the store out of reach (its kept attempt). The 400 and 429 refusals are pages of
 * the handler's own (lib/comments/refused-page.ts).
 */
export default async function CommentFormPage({ params, searchParams }: Props) {
  const post = await openPost((await params).slug)
  if (!post) notFound()
  const query = await searchParams
  const attempt = await takeAttempt(first(query.attempt), post.slug)
  const target = await replyTarget(post, attempt ? attempt.values.parent : first(query.reply))
  const values = attempt?.values ?? { ...EMPTY_VALUES, parent: target?.id ?? '' }
  const heading = target ? COMMENT_WORDS.replyHeading(target.name) : COMMENT_WORDS.formHeading
  const problem = attempt?.problem
  return (
    <article className="comment-form-page">
      <p>
        <Link href={postUrl(post)}>{COMMENT_WORDS.backToPost(post.title)}</Link>
      </p>
      {problem === 'unavailable' ? (
        <div className="banner" role="alert">
          <h1>{COMMENT_WORDS.unavailableTitle}</h1>
          <p>{COMMENT_WORDS.unavailableBody}</p>
        </div>
      ) : null}
      {target ? (
        <div className="comment-replying-to">
          <CommentItem comment={target} post={post} open={false} />
        </div>
      ) : null}
      <CommentForm
        action={commentPostUrl(post)}
        token={attempt?.token ?? formTokenNow(post)}
        values={values}
        errors={attempt?.errors}
        heading={heading}
        headingLevel={problem === 'unavailable' ? 2 : 1}
      />
    </article>
  )
}
