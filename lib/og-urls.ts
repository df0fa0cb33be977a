import { postVersion, type Post } from './content'
import { site } from './site'

export const OG_WIDTH = 1200
export const OG_HEIGHT = 630

/** The card URL carries a content fingerprint, so a changed post gets a fresh card past every cache. */
export function postOgImagePath(post: Post): string {
  return `/og/posts/${post.slug}?v=${postVersion(post)}`
}

export function siteOgImagePath(): string {
  const version = Buffer.from(site.name + site.description).toString('base64url').slice(-8)
  return `/og/site?v=${version}`
}
