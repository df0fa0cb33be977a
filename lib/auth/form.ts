/**
 * The only POST bodies /api/auth/* accepts: what the site's own forms send.
 * next-auth would also take JSON, repeated fields (keeping the last) and a
 * callbackUrl from the query string; the sign-in limiter must count the very
 * email next-auth checks, so anything that could make the two read a request
 * differently is refused with a 4xx before next-auth sees it.
 */
const FORM_TYPE = 'application/x-www-form-urlencoded'
const MAX_BODY_BYTES = 8 * 1024
const KNOWN_FIELDS = new Set(['csrfToken', 'email', 'password', 'callbackUrl', 'json'])

export type AuthForm = { ok: true; fields: Partial<Record<string, string>> } | { ok: false; status: 400 | 413; problem: string }

function refuse(problem: string, status: 400 | 413 = 400): AuthForm {
  return { ok: false, status, problem }
}

/** Reads a clone's body, so the original request can still be handed to next-auth. */
export async function readAuthForm(request: Request): Promise<AuthForm> {
  if (new URL(request.url).search) return refuse('Send the form fields in the body, not in the address.')
  const mediaType = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase()
  if (mediaType !== FORM_TYPE) return refuse(`Send the form as ${FORM_TYPE}.`)
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return refuse('The form is too large.', 413)
  const text = await request.clone().text()
  if (text.length > MAX_BODY_BYTES) return refuse('The form is too large.', 413)
  const fields: Partial<Record<string, string>> = {}
  for (const [name, value] of new URLSearchParams(text)) {
    if (!KNOWN_FIELDS.has(name)) return refuse(`The form has an unknown field "${name.slice(0, 40)}".`)
    if (name in fields) return refuse(`The form has the field "${name}" more than once.`)
    fields[name] = value
  }
  return { ok: true, fields }
}
