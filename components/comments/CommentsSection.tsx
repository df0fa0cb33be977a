import { Link } from '@/components/Link'
import { COMMENT_WORDS, EMPTY_VALUES, type CommentPage, type ShownComment } from '@/lib/comments'
import { formatDate } from '@/lib/content'
import { COMMENT_HELD_ID, COMMENTS_ID, commentPageUrl, commentPostUrl } from '@/lib/routes'
import { CommentForm } from './CommentForm'
import { CommentItem, CommenterName } from './CommentItem'

/**
 * The "awaiting moderation" banner (GOV.UK notification banner, success). Every
 * post page carries it hidden; the 303 after a comment lands on `#comment-held`
 * and CSS shows it for that target only, so the cached page holds nobody's data
 * and needs no script.
 */
export function CommentHeldBanner() {
  return (
    <div
      id={COMMENT_HELD_ID}
      className="notification-banner notification-banner-success comment-held"
      role="region"
      aria-labelledby={`${COMMENT_HELD_ID}-title`}
      tabIndex={-1}
    >
      <div className="notification-banner-header">
        <h2 className="notification-banner-title" id={`${COMMENT_HELD_ID}-title`}>
          {COMMENT_WORDS.heldTitle}
        </h2>
      </div>
      <div className="notification-banner-content">
        <p className="notification-banner-heading">{COMMENT_WORDS.heldHeading}</p>
        <p>{COMMENT_WORDS.heldBody}</p>
      </div>
    </div>
  )
}

function CommentPages({ post, page, pages }: { post: { slug: string }; page: number; pages: number }) {
  if (pages <= 1) return null
  return (
    <nav aria-label={COMMENT_WORDS.pagesLabel} className="pagination">
      {page > 1 ? (
        <Link href={commentPageUrl(post, page - 1)} rel="prev">
          {`← ${COMMENT_WORDS.olderComments}`}
        </Link>
      ) : (
        <span />
      )}
      <span>{COMMENT_WORDS.page(page, pages)}</span>
      {page < pages ? (
        <Link href={commentPageUrl(post, page + 1)} rel="next">
          {`${COMMENT_WORDS.newerComments} →`}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}

function Mentions({ mentions }: { mentions: ShownComment[] }) {
  if (mentions.length === 0) return null
  return (
    <>
      <h3 className="comments-subheading">{COMMENT_WORDS.mentions}</h3>
      <ul className="comment-mentions">
        {mentions.map((mention) => (
          <li key={mention.id} id={mention.id}>
            <CommenterName name={mention.name} url={mention.url} />
            {', '}
            <time dateTime={mention.date}>{formatDate(mention.date)}</time>
          </li>
        ))}
      </ul>
    </>
  )
}

type Props = {
  post: { slug: string; title: string }
  count: number
  page: CommentPage
  /** Pingbacks and trackbacks: listed apart, on the first page only. */
  mentions: ShownComment[]
  open: boolean
  /** The form's token, made when this page was rendered; the first page only. */
  formToken?: string
  /** Readers' comments could not be read (Redis down): say so rather than show fewer as if that were all. */
  unavailable?: boolean
}

/** A post's comments, threaded one level deep, oldest first, with the form under them while the post takes comments. */
export function CommentsSection({ post, count, page, mentions, open, formToken, unavailable }: Props) {
  return (
    <section id={COMMENTS_ID} aria-labelledby="comments-heading" className="comments">
      {open && page.page === 1 ? <CommentHeldBanner /> : null}
      <h2 id="comments-heading" className="section-heading">
        {count === 0 ? COMMENT_WORDS.heading : COMMENT_WORDS.count(count)}
      </h2>
      {unavailable ? <p className="comments-note">{COMMENT_WORDS.unavailable}</p> : null}
      {count === 0 && !unavailable ? <p>{COMMENT_WORDS.none}</p> : null}
      {page.threads.length > 0 ? (
        <ol className="comment-list">
          {page.threads.map((thread) => (
            <li key={thread.top.id} className="comment-thread">
              {thread.comment ? (
                <CommentItem comment={thread.comment} post={post} open={open} />
              ) : (
                <p className="comment-continued">{COMMENT_WORDS.continued(thread.top.name)}</p>
              )}
              {thread.replies.length > 0 ? (
                <ol className="comment-replies">
                  {thread.replies.map((reply) => (
                    <li key={reply.id}>
                      <CommentItem comment={reply} post={post} open={open} />
                    </li>
                  ))}
                </ol>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      <CommentPages post={post} page={page.page} pages={page.pages} />
      {page.page === 1 ? <Mentions mentions={mentions} /> : null}
      {open && formToken !== undefined ? (
        <CommentForm action={commentPostUrl(post)} token={formToken} values={EMPTY_VALUES} />
      ) : !open ? (
        <p className="comments-note">{COMMENT_WORDS.closed}</p>
      ) : null}
    </section>
  )
}
