/**
 * Pages (About, the accessibility statement), published through the same
 * filter as posts, so a draft page reaches only the signed-in /drafts routes.
 * Pages are not in feeds, listings, tags or the archive; they are in the
 * sitemap, search and the header navigation.
 */
import 'server-only'
import { allPages, type Page } from 'contentlayer/generated'
import { site } from '../config'
import type { TocHeading } from '../markdown'
import { contentPageUrl } from '../routes'
import { fingerprint } from './fingerprint'
import { isPublished } from './posts'

/** The footer links the accessibility statement when a published page has this slug. */
export const ACCESSIBILITY_STATEMENT_SLUG = 'accessibility'

function bySlug(a: Page, b: Page): number {
  return a.slug.localeCompare(b.slug)
}

export function getPublishedPages(now: Date = new Date(), pages: readonly Page[] = allPages): Page[] {
  return pages.filter((page) => isPublished(page, now)).sort(bySlug)
}

export function getPublishedPage(slug: string, now: Date = new Date(), pages: readonly Page[] = allPages): Page | undefined {
  return pages.find((page) => page.slug === slug && isPublished(page, now))
}

/** Draft pages, for signed-in authors only. */
export function getUnpublishedPages(now: Date = new Date(), pages: readonly Page[] = allPages): Page[] {
  return pages.filter((page) => !isPublished(page, now)).sort(bySlug)
}

export function getUnpublishedPage(slug: string, now: Date = new Date(), pages: readonly Page[] = allPages): Page | undefined {
  return pages.find((page) => page.slug === slug && !isPublished(page, now))
}

export type NavLink = { href: string; label: string }

/** Published pages that ask to be in the header, in their `nav` order (then by title). */
export function getNavigationPages(now: Date = new Date(), pages: readonly Page[] = allPages): NavLink[] {
  return getPublishedPages(now, pages)
    .filter((page) => page.nav !== undefined)
    .sort((a, b) => a.nav! - b.nav! || a.title.localeCompare(b.title))
    .map((page) => ({ href: contentPageUrl(page), label: page.title }))
}

export function pageHeadings(page: Page): TocHeading[] {
  return page.headings as TocHeading[]
}

/** Fingerprints what a page's card shows (the site card with the page's title), so its URL changes when that does. */
export function pageCardVersion(page: Pick<Page, 'title'>): string {
  return fingerprint([page.title, site.name, site.url])
}
