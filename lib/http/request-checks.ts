/** A same-site path to return to after sign-in; anything else falls back to /drafts. */
export function safeCallbackPath(value: string | undefined, fallback = '/drafts'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || value.length > 2000) return fallback
  return value
}

/**
 * A state-changing request must come from this site's own pages. Browsers send
 * Origin on every cross-site POST; a request without one (curl, the tests) is
 * not a browser being tricked into acting for a signed-in author.
 */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get('origin')
  if (!origin) return true
  const host = headers.get('x-forwarded-host') ?? headers.get('host')
  try {
    return new URL(origin).host === host
  } catch {
    return false
  }
}
