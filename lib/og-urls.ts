import { postVersion, type Post } from './content'
import { fingerprint } from './fingerprint'
import { site } from './site'

export const OG_WIDTH = 1200
export const OG_HEIGHT = 630

/** The card URL carries a content fingerprint, so a changed post gets a fresh card past every cache. */
export function postOgImagePath(post: Post): string {
  return `/og/posts/${post.slug}?v=${postVersion(post)}`
}

/** Fingerprints everything the site card shows, so renaming the site also changes the URL. */
export function siteOgImagePath(): string {
  return `/og/site?v=${fingerprint([site.name, site.description, site.url])}`
}
