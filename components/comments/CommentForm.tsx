import { COMMENT_FIELDS, COMMENT_LIMITS, COMMENT_WORDS, type CommentFormErrors, type CommentFormValues } from '@/lib/comments'

type Props = {
  /** Where the form posts: the post's comments address. */
  action: string
  token: string
  values: CommentFormValues
  errors?: CommentFormErrors
  /** The heading of the form; h2 under a post, h1 on the form's own page (the page passes its own). */
  heading?: string
  headingLevel?: 1 | 2
}

/** Fields in the order of the error summary; a problem with the token or the reply is told against the comment. */
const FIELDS = [
  { key: 'name', id: 'comment-name' },
  { key: 'email', id: 'comment-email' },
  { key: 'website', id: 'comment-website' },
  { key: 'comment', id: 'comment-text' },
  { key: 'parent', id: 'comment-text' },
  { key: 'token', id: 'comment-text' },
] as const

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ')
  return list || undefined
}

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p className="field-error" id={id}>
      <span className="visually-hidden">Error: </span>
      {message}
    </p>
  ) : null
}

type TextFieldProps = {
  id: string
  name: string
  type: 'text' | 'email' | 'url'
  autoComplete: string
  required?: boolean
  maxLength: number
  label: string
  hint: string
  error?: string
  value: string
}

/** A GOV.UK text input: label, hint, the error above the field, and both described to assistive technology. */
function TextField({ id, name, type, autoComplete, required, maxLength, label, hint, error, value }: TextFieldProps) {
  return (
    <div className={error ? 'field field-with-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <FieldError id={`${id}-error`} message={error} />
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        spellCheck={type === 'text' ? undefined : false}
        required={required}
        maxLength={maxLength}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, error && `${id}-error`)}
      />
    </div>
  )
}

/**
 * The comment form, a plain POST that needs no JavaScript: name, optional email
 * and website, the comment, the reply's parent and the signed token, and a field
 * hidden from people that only scripts fill. Problems come back as a GOV.UK error
 * summary above the form and a message on each field, with what was typed kept.
 */
export function CommentForm({ action, token, values, errors = {}, heading = COMMENT_WORDS.formHeading, headingLevel = 2 }: Props) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2'
  const problems = FIELDS.filter(({ key }) => errors[key])
  const commentErrors = [errors.comment, errors.parent, errors.token].filter(Boolean).join('. ')
  return (
    <form method="post" action={action} className="comment-form" noValidate>
      {problems.length > 0 ? (
        <div className="error-summary" role="alert" aria-labelledby="comment-error-summary-title" tabIndex={-1}>
          <h2 id="comment-error-summary-title">{COMMENT_WORDS.errorTitle}</h2>
          <ul>
            {problems.map(({ key, id }) => (
              <li key={key}>
                <a href={`#${id}`}>{errors[key]}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Heading className={headingLevel === 2 ? 'section-heading' : undefined}>{heading}</Heading>
      <p>{COMMENT_WORDS.formIntro}</p>
      <input type="hidden" name={COMMENT_FIELDS.token} value={token} />
      {values.parent ? <input type="hidden" name={COMMENT_FIELDS.parent} value={values.parent} /> : null}
      <TextField
        id="comment-name"
        name={COMMENT_FIELDS.name}
        type="text"
        autoComplete="name"
        required
        maxLength={COMMENT_LIMITS.name}
        label={COMMENT_WORDS.nameLabel}
        hint={COMMENT_WORDS.nameHint}
        error={errors.name}
        value={values.name}
      />
      <TextField
        id="comment-email"
        name={COMMENT_FIELDS.email}
        type="email"
        autoComplete="email"
        maxLength={COMMENT_LIMITS.email}
        label={COMMENT_WORDS.emailLabel}
        hint={COMMENT_WORDS.emailHint}
        error={errors.email}
        value={values.email}
      />
      <TextField
        id="comment-website"
        name={COMMENT_FIELDS.website}
        type="url"
        autoComplete="url"
        maxLength={COMMENT_LIMITS.url}
        label={COMMENT_WORDS.websiteLabel}
        hint={COMMENT_WORDS.websiteHint}
        error={errors.website}
        value={values.website}
      />
      <div className={commentErrors ? 'field field-wide field-with-error' : 'field field-wide'}>
        <label htmlFor="comment-text">{COMMENT_WORDS.commentLabel}</label>
        <p className="hint" id="comment-text-hint">
          {`${COMMENT_WORDS.commentHint} ${COMMENT_WORDS.characterLimit(COMMENT_LIMITS.text)}`}
        </p>
        <FieldError id="comment-text-error" message={commentErrors} />
        <textarea
          id="comment-text"
          name={COMMENT_FIELDS.comment}
          rows={8}
          required
          maxLength={COMMENT_LIMITS.text}
          defaultValue={values.comment}
          aria-invalid={commentErrors ? true : undefined}
          aria-describedby={describedBy('comment-text-hint', commentErrors && 'comment-text-error')}
        />
      </div>
      {/* Hidden from people and from assistive technology; a script that fills every field fills this one. */}
      <div className="comment-trap" aria-hidden="true">
        <label htmlFor="comment-url">{COMMENT_WORDS.trapLabel}</label>
        <input id="comment-url" name={COMMENT_FIELDS.trap} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <p className="comment-privacy">{COMMENT_WORDS.privacy}</p>
      <button type="submit" className="button button-primary">
        {COMMENT_WORDS.send}
      </button>
    </form>
  )
}
