/**
 * Pages (About, the accessibility statement), published through the same
 * filter as posts, so a draft page reaches only the signed-in /drafts routes.
 * Pages are not in feeds, listings, tags or the archive; they are in the
 * sitemap, search and the header navigation. Like posts, a page's metadata
 * comes from the content store's index and its body from its own file.
 */
import 'server-only'
import { page as pageKind } from '../documents'
import { contentPageUrl } from '../routes'
import { getPublishedDocument, getPublishedDocuments, getUnpublishedDocument, getUnpublishedDocuments, readDocumentBody, readDocumentText } from './documents'
import type { Page, PostBody } from './types'

/** The footer links the accessibility statement when a published page has this slug. */
export const ACCESSIBILITY_STATEMENT_SLUG = 'accessibility'

/** Published pages, by slug. */
export function getPublishedPages(now: Date = new Date(), pages?: readonly Page[]): readonly Page[] {
  return getPublishedDocuments(pageKind, now, pages)
}

export function getPublishedPage(slug: string, now: Date = new Date(), pages?: readonly Page[]): Page | undefined {
  return getPublishedDocument(pageKind, slug, now, pages)
}

/** Draft pages, for signed-in authors only. */
export function getUnpublishedPages(now: Date = new Date(), pages?: readonly Page[]): Page[] {
  return getUnpublishedDocuments(pageKind, now, pages)
}

export function getUnpublishedPage(slug: string, now: Date = new Date(), pages?: readonly Page[]): Page | undefined {
  return getUnpublishedDocument(pageKind, slug, now, pages)
}

export type NavLink = { href: string; label: string }

/** Published pages that ask to be in the header, in their `nav` order (then by title). */
export function getNavigationPages(now: Date = new Date(), pages?: readonly Page[]): NavLink[] {
  return getPublishedPages(now, pages)
    .filter((page) => page.nav !== undefined)
    .sort((a, b) => a.nav! - b.nav! || a.title.localeCompare(b.title))
    .map((page) => ({ href: contentPageUrl(page), label: page.title }))
}

/** The compiled MDX and headings of a page the caller has already been allowed to show. */
export function readPageBody(page: Pick<Page, 'slug'>): Promise<PostBody> {
  return readDocumentBody(pageKind, page)
}

/** The plain text of a page, for search. */
export function readPageText(page: Pick<Page, 'slug'>): string {
  return readDocumentText(pageKind, page)
}
