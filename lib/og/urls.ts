import type { Page, Post } from '../content'
import { documentUrl, page as pageKind, post as postKind } from '../documents'
import { SITE_CARD } from '../routes'
import { pageCardVersion, postVersion, siteCardVersion } from './version'

/** The card URL (the kind's card route) carries a content fingerprint, so a changed post gets a fresh card past every cache. */
export function postOgImagePath(post: Post): string {
  return `${documentUrl(postKind, 'card', post)}?v=${postVersion(post)}`
}

/** A page's card: the site card with the page's title. */
export function pageOgImagePath(page: Pick<Page, 'slug' | 'title'>): string {
  return `${documentUrl(pageKind, 'card', page)}?v=${pageCardVersion(page)}`
}

/** The site's card, whose version changes when the site is renamed. */
export function siteOgImagePath(): string {
  return `${SITE_CARD}?v=${siteCardVersion()}`
}
