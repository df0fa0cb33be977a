/**
 * Pages (About, the accessibility statement), published through the same
 * filter as posts, so a draft page reaches only the signed-in /drafts routes.
 * Pages are not in feeds, listings, tags or the archive; they are in the
 * sitemap, search and the header navigation. Like posts, a page's metadata
 * comes from the content store's index and its body from its own file.
 */
import 'server-only'
import { contentPageUrl } from '../routes'
import { isPublished } from './published'
import { contentStore } from './store'
import type { Page, PostBody } from './types'

/** The footer links the accessibility statement when a published page has this slug. */
export const ACCESSIBILITY_STATEMENT_SLUG = 'accessibility'

function bySlug(a: Page, b: Page): number {
  return a.slug.localeCompare(b.slug)
}

function allPages(pages: readonly Page[] | undefined): readonly Page[] {
  return pages ?? contentStore().readIndex().pages
}

export function getPublishedPages(now: Date = new Date(), pages?: readonly Page[]): Page[] {
  return allPages(pages)
    .filter((page) => isPublished(page, now))
    .sort(bySlug)
}

export function getPublishedPage(slug: string, now: Date = new Date(), pages?: readonly Page[]): Page | undefined {
  return allPages(pages).find((page) => page.slug === slug && isPublished(page, now))
}

/** Draft pages, for signed-in authors only. */
export function getUnpublishedPages(now: Date = new Date(), pages?: readonly Page[]): Page[] {
  return allPages(pages)
    .filter((page) => !isPublished(page, now))
    .sort(bySlug)
}

export function getUnpublishedPage(slug: string, now: Date = new Date(), pages?: readonly Page[]): Page | undefined {
  return allPages(pages).find((page) => page.slug === slug && !isPublished(page, now))
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
export async function readPageBody(page: Pick<Page, 'slug'>): Promise<PostBody> {
  return JSON.parse(await contentStore().readPart('pages', page.slug, 'body')) as PostBody
}

/** The plain text of a page, for search. */
export function readPageText(page: Pick<Page, 'slug'>): string {
  return contentStore().readPartSync('pages', page.slug, 'text')
}
