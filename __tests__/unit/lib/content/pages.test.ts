import { getNavigationPages, getPublishedPage, getPublishedPages, getUnpublishedPage, getUnpublishedPages, isPublished } from '@/lib/content/server'
import { pageCardVersion } from '@/lib/og'
import { contentPageUrl, pageDraftUrl } from '@/lib/routes'
import { makePage } from '../../fixtures'

const now = new Date('2026-06-01T00:00:00Z')
const pages = [
  makePage({ slug: 'contact', title: 'Contact', nav: 2 }),
  makePage({ slug: 'about', title: 'About', nav: 1 }),
  makePage({ slug: 'privacy', title: 'Privacy' }),
  makePage({ slug: 'services/help', title: 'Help', nav: 2 }),
  makePage({ slug: 'secret', title: 'Secret', nav: 0, draft: true }),
]

describe('pages go through the one published filter', () => {
  test('a page has no date, so only draft holds it back', () => {
    expect(isPublished({ draft: false }, now)).toBe(true)
    expect(isPublished({ draft: true }, now)).toBe(false)
    expect(isPublished({ draft: false, date: '2026-07-01T00:00:00.000Z' }, now)).toBe(false)
  })
  test('published pages, by slug, without the draft', () => {
    expect(getPublishedPages(now, pages).map((page) => page.slug)).toEqual(['about', 'contact', 'privacy', 'services/help'])
    expect(getPublishedPage('secret', now, pages)).toBeUndefined()
    expect(getPublishedPage('services/help', now, pages)?.title).toBe('Help')
  })
  test('draft pages only through the unpublished lookups', () => {
    expect(getUnpublishedPages(now, pages).map((page) => page.slug)).toEqual(['secret'])
    expect(getUnpublishedPage('secret', now, pages)?.title).toBe('Secret')
    expect(getUnpublishedPage('about', now, pages)).toBeUndefined()
  })
})

describe('navigation', () => {
  test('pages with nav, in nav order then by title; drafts and pages without nav left out', () => {
    expect(getNavigationPages(now, pages)).toEqual([
      { href: '/about', label: 'About' },
      { href: '/contact', label: 'Contact' },
      { href: '/services/help', label: 'Help' },
    ])
  })
})

describe('addresses', () => {
  test('a page is at its slug, a draft page under /drafts/pages', () => {
    expect(contentPageUrl({ slug: 'services/help' })).toBe('/services/help')
    expect(pageDraftUrl({ slug: 'secret' })).toBe('/drafts/pages/secret')
  })
  test("a page card's version changes with the title", () => {
    expect(pageCardVersion({ title: 'About' })).toMatch(/^[\w-]{10}$/)
    expect(pageCardVersion({ title: 'About us' })).not.toBe(pageCardVersion({ title: 'About' }))
  })
})
