import assert from 'node:assert/strict'
import { renameSync } from 'node:fs'
import path from 'node:path'
import { before, describe, test } from 'node:test'
import type { BrowserContext, Page } from 'playwright-core'
import { freePort, startNextServer, stopServer, waitForHttp } from '../../scripts/lib/process'
import { BASE_URL, CookieJar, authorCli, axeViolations, signIn, storePartFile, url, suiteBrowser } from './helpers'

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

/** An older post, rendered on its first request (not built ahead), that no other test reads. */
const UNREAD_POST = 'filler-post-77'

/** Opens an address whose render fails; Next sends a 500 whose error page React draws in the browser. */
async function errorPage(colorScheme: 'light' | 'dark', address: string): Promise<{ page: Page; status: number | undefined }> {
  const context = await browser().newContext({ colorScheme })
  const page = await context.newPage()
  const response = await page.goto(address)
  return { page, status: response?.status() }
}

describe("error pages, in plain words and the site's frame", () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`a page that fails to render (its body gone from the content store) answers 500 with app/error.tsx inside the frame, no axe violations, ${colorScheme} theme`, async () => {
      const body = storePartFile('posts', UNREAD_POST, 'body')
      renameSync(body, `${body}.away`)
      try {
        const { page, status } = await errorPage(colorScheme, url(`/posts/${UNREAD_POST}`))
        assert.equal(status, 500)
        await page.getByRole('heading', { level: 1, name: 'Sorry, there is a problem with this page' }).waitFor()
        // The layout did not fail, so the reader keeps the site's header, navigation and footer.
        assert.equal(await page.locator('header.site-header nav[aria-label="Main"]').count(), 1)
        assert.equal(await page.locator('footer.site-footer').count(), 1)
        assert.equal(await page.title(), 'Sorry, there is a problem with this page')
        assert.equal(await page.getByRole('link', { name: 'Try the page again' }).getAttribute('href'), `/posts/${UNREAD_POST}`)
        assert.deepEqual(await axeViolations(page), [])
        await page.context().close()
      } finally {
        renameSync(`${body}.away`, body)
      }
    })
  }

  test('once the body is back, the post renders as before: a failed render left nothing in the cache', async () => {
    const response = await fetch(url(`/posts/${UNREAD_POST}`))
    assert.equal(response.status, 200)
    assert.match(await response.text(), /Filler post 77/)
  })

  test('when the frame itself fails (a server whose content store has lost its index), app/global-error.tsx answers, 500, axe-clean', async () => {
    // Every page that renders on request reads the header's navigation from the store's index, so the root layout
    // fails. The suite's server read the index long ago and keeps it; a second server of the same build, started
    // while the index is gone, finds none.
    const index = path.join(path.dirname(path.dirname(storePartFile('posts', UNREAD_POST, 'body'))), 'index.json')
    renameSync(index, `${index}.away`)
    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    const server = startNextServer(port, { ...process.env, SITE_URL: base, NEXTAUTH_URL: base })
    try {
      // A file built ahead, so waiting for the server renders nothing.
      await waitForHttp(`${base}/robots.txt`)
      for (const colorScheme of ['light', 'dark'] as const) {
        const { page, status } = await errorPage(colorScheme, `${base}/search?q=harbour`)
        assert.equal(status, 500)
        await page.getByRole('heading', { level: 1, name: 'Sorry, there is a problem with this site' }).waitFor()
        assert.equal(await page.locator('html').getAttribute('lang'), 'en-GB')
        assert.equal(await page.title(), 'Sorry, there is a problem with this site')
        assert.deepEqual(await axeViolations(page), [])
        await page.context().close()
      }
    } finally {
      await stopServer(server)
      renameSync(`${index}.away`, index)
    }
  })
})
