import { site } from '../config'
import type { Page, Post } from '../content'
import { fingerprint, pageCardVersion, postVersion } from '../content/server'
import { SITE_CARD, pageCardPath, postCardPath } from '../routes'

/** The card URL carries a content fingerprint, so a changed post gets a fresh card past every cache. */
export function postOgImagePath(post: Post): string {
  return `${postCardPath(post.slug)}?v=${postVersion(post)}`
}

/** A page's card: the site card with the page's title. */
export function pageOgImagePath(page: Pick<Page, 'slug' | 'title'>): string {
  return `${pageCardPath(page.slug)}?v=${pageCardVersion(page)}`
}

/** Fingerprints everything the site card shows, so renaming the site also changes the URL. */
export function siteOgImagePath(): string {
  return `${SITE_CARD}?v=${fingerprint([site.name, site.description, site.url])}`
}
