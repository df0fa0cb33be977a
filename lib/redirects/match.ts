/** An old address, as a path with at most one `?name=value`, and where it lives now. */

/** A path as redirects compare it: percent-encoding decoded (WordPress writes it lower-case, browsers upper), Unicode composed. */
export function normalizeOldPath(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment)
      } catch {
        return segment
      }
    })
    .join('/')
    .normalize('NFC')
}

/** `from` → `to`, both normalized: how the content store holds the redirects. */
export type ContentRedirects = Readonly<Record<string, string>>

/** WordPress addresses below a post that still mean the post: its comment feed, AMP view, comment pages, trackback. */
const POST_SUFFIX = /\/(?:feed(?:\/(?:rss2?|atom|rdf))?|amp|trackback|comment-page-\d+|\d{1,3})\/?$/

/**
 * Where an old address goes: the path as it is, with or without its trailing
 * slash, then each `?name=value` of the query (`?p=12`, `?page_id=3`), then the
 * post an address below it (`…/feed/`, `…/comment-page-2/`) belongs to.
 */
export function findContentRedirect(
  redirects: ContentRedirects,
  pathname: string,
  search: string,
  /** Addresses the site answers itself: `/search` is the site's, even when the old `/search/` page now lives elsewhere. */
  servedHere: (path: string) => boolean = () => false,
): string | undefined {
  const path = normalizeOldPath(pathname)
  const exact = (candidate: string) =>
    redirects[candidate] ?? (candidate.endsWith('/') || servedHere(candidate) ? undefined : redirects[`${candidate}/`])
  if (search) {
    const params = [...new URLSearchParams(search)].slice(0, 5)
    for (const [name, value] of params) {
      const found = redirects[`${path}?${name}=${value}`]
      if (found) return found
    }
  }
  const found = exact(path)
  if (found) return found
  const parent = path.replace(POST_SUFFIX, '/')
  return parent !== path && parent.length > 1 ? exact(parent) : undefined
}
