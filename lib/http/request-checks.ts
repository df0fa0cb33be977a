import { site } from '../config'
import { DRAFTS } from '../routes'

/** Browsers drop tabs and newlines from URLs before following them; the other controls have no business there either. */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g

/**
 * A same-origin path to return to after sign-in; anything else falls back to
 * the drafts page. The value is parsed as a browser would read it (control
 * characters gone, relative to the site), never pattern-matched.
 */
export function safeCallbackPath(value: string | undefined, fallback: string = DRAFTS, siteOrigin: string = site.url): string {
  if (!value || value.length > 2000) return fallback
  const origin = new URL(siteOrigin).origin
  let target: URL
  try {
    target = new URL(value.replace(CONTROL_CHARACTERS, ''), origin)
  } catch {
    return fallback
  }
  if (target.origin !== origin) return fallback
  const path = target.pathname + target.search + target.hash
  // "/.//evil.example" parses to the path "//evil.example", which a browser would read as another host.
  return path.startsWith('//') ? fallback : path
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
