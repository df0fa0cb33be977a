import assert from 'node:assert/strict'
import { before, describe, test } from 'node:test'
import type { BrowserContext } from 'playwright-core'
import { BASE_URL, CookieJar, authorCli, axeViolations, signIn, url, suiteBrowser } from './helpers'

const EMAIL = 'a11y.author@example.org'
const PASSWORD = 'an accessibility test password'

const PUBLIC_PAGES = {
  home: '/',
  'listing page 2': '/page/2',
  post: '/posts/localgovdigital-a-day-with-gdsteam',
  'post with contents': '/posts/shifting-digital-sands',
  'post with photos (bundle)': '/posts/harbour-photos',
  tag: '/tags/events',
  'tag page 2': '/tags/fixture-filler/page/2',
  tags: '/tags',
  archive: '/archive',
  'archive year': '/archive/2013',
  author: '/authors/digital-communications-manager',
  'search with results': '/search?q=digital',
  'search with no results': '/search?q=zzzzzz',
  'search too long': `/search?q=${'a'.repeat(201)}`,
  about: '/about',
  'accessibility statement': '/accessibility',
  page: '/fixture-page',
  '404': '/no-such-page',
  'sign in': '/signin',
  'sign out': '/signout',
  'expired preview link (403)': '/drafts/qzcanary-draft?share=not-a-valid-link',
}
const AUTHOR_PAGES = {
  drafts: '/drafts',
  draft: '/drafts/qzcanary-draft',
  'scheduled draft': '/drafts/qzcanary-scheduled',
  'draft page': '/drafts/pages/qzcanary-page',
}

const browser = suiteBrowser()
const session = new CookieJar()

before(async () => {
  const added = await authorCli(['add', EMAIL, '--password-stdin'], PASSWORD)
  assert.equal(added.status, 0, added.stderr)
  assert.equal((await signIn(session, EMAIL, PASSWORD)).status, 200)
})

async function authorContext(colorScheme: 'light' | 'dark'): Promise<BrowserContext> {
  const context = await browser().newContext({ colorScheme })
  const { hostname } = new URL(BASE_URL)
  await context.addCookies(
    session
      .header()
      .split('; ')
      .map((pair) => {
        const index = pair.indexOf('=')
        return { name: pair.slice(0, index), value: pair.slice(index + 1), domain: hostname, path: '/' }
      }),
  )
  return context
}

for (const colorScheme of ['light', 'dark'] as const) {
  describe(`axe-core, WCAG 2.2 A and AA, ${colorScheme} theme`, () => {
    for (const [name, pathname] of Object.entries({ ...PUBLIC_PAGES, ...AUTHOR_PAGES })) {
      test(`${name} (${pathname}) has no violations`, async () => {
        const needsAuthor = Object.values(AUTHOR_PAGES).includes(pathname)
        const context = needsAuthor ? await authorContext(colorScheme) : await browser().newContext({ colorScheme })
        const page = await context.newPage()
        await page.goto(url(pathname))
        assert.equal(new URL(page.url()).pathname, new URL(url(pathname)).pathname, 'not redirected')
        assert.ok(!page.url().includes('/signin') || pathname === '/signin', 'not sent to sign in')
        const violations = await axeViolations(page)
        await context.close()
        assert.deepEqual(violations, [])
      })
    }
  })
}

describe('reflow (WCAG 1.4.10): no sideways scrolling at 320 CSS pixels', () => {
  const pages = [
    '/',
    PUBLIC_PAGES.post,
    PUBLIC_PAGES['post with contents'],
    PUBLIC_PAGES['post with photos (bundle)'],
    PUBLIC_PAGES['search with results'],
    PUBLIC_PAGES.archive,
    PUBLIC_PAGES.about,
    PUBLIC_PAGES['accessibility statement'],
    PUBLIC_PAGES['archive year'],
  ]
  for (const pathname of pages) {
    test(pathname, async () => {
      const context = await browser().newContext({ viewport: { width: 320, height: 640 } })
      const page = await context.newPage()
      await page.goto(url(pathname))
      const widths = await page.evaluate(() => ({ content: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth }))
      await context.close()
      assert.ok(widths.content <= widths.viewport, `content ${widths.content}px wide in a ${widths.viewport}px viewport`)
    })
  }
})
