import { site } from '../config'
import type { Post } from '../content'
import { fingerprint, postVersion } from '../content/server'
import { SITE_CARD, postCardPath } from '../routes'

/** The card URL carries a content fingerprint, so a changed post gets a fresh card past every cache. */
export function postOgImagePath(post: Post): string {
  return `${postCardPath(post.slug)}?v=${postVersion(post)}`
}

/** Fingerprints everything the site card shows, so renaming the site also changes the URL. */
export function siteOgImagePath(): string {
  return `${SITE_CARD}?v=${fingerprint([site.name, site.description, site.url])}`
}
