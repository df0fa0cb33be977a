import { Link } from '@/components/Link'
import { MODERATION_WORDS, textToHtml, type StoredComment } from '@/lib/comments'
import { COMMENT_MODERATION_ACTION, COMMENT_PERSON_ACTION, postUrl } from '@/lib/routes'

export type ModeratedComment = StoredComment & { postTitle: string }

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' })

/** One comment as an author moderates it: everything kept about it, and its own form for each decision. */
function ModeratedItem({
  comment,
  csrfToken,
  actions,
}: {
  comment: ModeratedComment
  csrfToken: string
  actions: ('approve' | 'reject' | 'delete')[]
}) {
  const labels = { approve: MODERATION_WORDS.approve, reject: MODERATION_WORDS.reject, delete: MODERATION_WORDS.delete }
  return (
    <article className="comment moderated-comment" aria-labelledby={`${comment.id}-by`}>
      <h3 className="comment-author" id={`${comment.id}-by`}>
        {comment.name}
      </h3>
      <dl className="comment-details">
        <dt>{MODERATION_WORDS.onPost}</dt>
        <dd>
          <Link href={postUrl({ slug: comment.post })}>{comment.postTitle}</Link>
        </dd>
        <dt>{MODERATION_WORDS.email}</dt>
        <dd>{comment.email ?? MODERATION_WORDS.noEmail}</dd>
        {comment.url ? (
          <>
            <dt>{MODERATION_WORDS.website}</dt>
            <dd>{comment.url}</dd>
          </>
        ) : null}
        {comment.parent ? (
          <>
            <dt>{MODERATION_WORDS.inReplyTo}</dt>
            <dd>{comment.parent}</dd>
          </>
        ) : null}
        <dt>{MODERATION_WORDS.received}</dt>
        <dd>
          <time dateTime={comment.createdAt}>{`${dateTime.format(new Date(comment.createdAt))} UTC`}</time>
        </dd>
      </dl>
      <div className="comment-body" dangerouslySetInnerHTML={{ __html: textToHtml(comment.text) }} />
      <div className="moderation-actions">
        {actions.map((action) => (
          <form key={action} method="post" action={COMMENT_MODERATION_ACTION}>
            <input type="hidden" name="csrfToken" value={csrfToken} />
            <input type="hidden" name="id" value={comment.id} />
            <input type="hidden" name="action" value={action} />
            <button type="submit" className={action === 'approve' ? 'button button-primary' : 'button button-warning'}>
              {labels[action]}
              <span className="visually-hidden">{` the comment from ${comment.name}`}</span>
            </button>
          </form>
        ))}
      </div>
    </article>
  )
}

type Props = { pending: ModeratedComment[]; approved: ModeratedComment[]; csrfToken: string }

/** /drafts/comments: comments awaiting moderation, newest first; approved ones, to delete later; a person's data. */
export function ModerationQueue({ pending, approved, csrfToken }: Props) {
  return (
    <>
      <h2 className="section-heading">{`${MODERATION_WORDS.pending} (${pending.length})`}</h2>
      {pending.length === 0 ? <p>{MODERATION_WORDS.noPending}</p> : null}
      <ol className="moderation-list">
        {pending.map((comment) => (
          <li key={comment.id}>
            <ModeratedItem comment={comment} csrfToken={csrfToken} actions={['approve', 'reject']} />
          </li>
        ))}
      </ol>
      <h2 className="section-heading">{MODERATION_WORDS.approved}</h2>
      {approved.length === 0 ? <p>{MODERATION_WORDS.noApproved}</p> : null}
      <ol className="moderation-list">
        {approved.map((comment) => (
          <li key={comment.id}>
            <ModeratedItem comment={comment} csrfToken={csrfToken} actions={['delete']} />
          </li>
        ))}
      </ol>
      <h2 className="section-heading" id="person">
        {MODERATION_WORDS.privacyHeading}
      </h2>
      <form method="post" action={COMMENT_PERSON_ACTION} className="person-form">
        <p>{MODERATION_WORDS.privacyIntro}</p>
        <input type="hidden" name="csrfToken" value={csrfToken} />
        <div className="field">
          <label htmlFor="person-email">{MODERATION_WORDS.privacyEmail}</label>
          <input id="person-email" name="email" type="email" autoComplete="off" spellCheck={false} required />
        </div>
        <div className="moderation-actions">
          <button type="submit" name="action" value="export" className="button">
            {MODERATION_WORDS.export}
          </button>
          <button type="submit" name="action" value="delete" className="button button-warning">
            {MODERATION_WORDS.deleteAll}
          </button>
        </div>
      </form>
    </>
  )
}
