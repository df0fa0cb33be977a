import { Link } from '@/components/Link'
import { COMMENT_WORDS, type CommentEntry } from '@/lib/comments'
import { formatDate } from '@/lib/content'
import { commentFormUrl } from '@/lib/routes'

/** The commenter's name, linked to their website (never followed, marked as user-generated) when they gave one. */
export function CommenterName({ name, url }: { name: string; url?: string }) {
  return url ? (
    <a href={url} rel="nofollow ugc">
      {name}
    </a>
  ) : (
    <>{name}</>
  )
}

type Props = {
  comment: CommentEntry
  post: { slug: string }
  /** Whether the post takes new comments, so a reply link is offered. */
  open: boolean
}

/** One comment, imported or new: name, date, text (HTML made safe in lib/comments), and a link to reply. */
export function CommentItem({ comment, post, open }: Props) {
  return (
    <article className="comment" id={comment.id} aria-labelledby={`${comment.id}-by`}>
      <header className="comment-header">
        <p className="comment-author" id={`${comment.id}-by`}>
          <CommenterName name={comment.name} url={comment.url} />
          {comment.replyingTo ? <span className="comment-context">{` · ${COMMENT_WORDS.inReplyTo(comment.replyingTo)}`}</span> : null}
        </p>
        <p className="comment-date">
          <time dateTime={comment.date}>{formatDate(comment.date)}</time>
        </p>
      </header>
      <div className="comment-body" dangerouslySetInnerHTML={{ __html: comment.html }} />
      {open ? (
        <p className="comment-reply">
          <Link href={commentFormUrl(post, { reply: comment.id })}>
            {COMMENT_WORDS.reply}
            <span className="visually-hidden">{` to ${comment.name}`}</span>
          </Link>
        </p>
      ) : null}
    </article>
  )
}
