import assert from 'node:assert/strict'
import { mkdirSync, renameSync } from 'node:fs'
import path from 'node:path'
import { before, describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { freePort, startNextServer, stopServer, waitForHttp } from '../../scripts/lib/process'
import { CookieJar, ROOT, authorCli, axeViolations, signIn, signedInContext, storePartFile, url, suiteBrowser, waitForHydration } from './helpers'

/** Screenshots the tests take for a person to look at (git-ignored). */
const SCREENSHOTS = path.join(ROOT, 'test-results')

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

const authorContext = (colorScheme: 'light' | 'dark') => signedInContext(browser(), session, { colorScheme })

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

/** One entry of a list as Chromium's accessibility tree has it: its marker, its link, and the list nested in it. */
type OutlineItem = { marker: string; link: string; items?: OutlineItem[] }
type AXNode = { nodeId: string; ignored: boolean; role?: { value: string }; name?: { value: string }; childIds?: string[] }

/** The lists under `rootId`, read from the tree Chromium builds for assistive technology (not from the DOM or CSS). */
function outline(nodes: Map<string, AXNode>, rootId: string): OutlineItem[] {
  const descendants = (id: string, role: string): AXNode[] =>
    (nodes.get(id)?.childIds ?? []).flatMap((childId) => {
      const child = nodes.get(childId)
      if (!child) return []
      return child.role?.value === role ? [child] : child.role?.value === 'list' || child.role?.value === 'listitem' ? [] : descendants(childId, role)
    })
  const list = descendants(rootId, 'list')[0]
  if (!list) return []
  return descendants(list.nodeId, 'listitem').map((item) => {
    const nested = outline(nodes, item.nodeId)
    return {
      marker: descendants(item.nodeId, 'ListMarker')[0]?.name?.value.trim() ?? '',
      link: descendants(item.nodeId, 'link')[0]?.name?.value ?? '',
      ...(nested.length > 0 ? { items: nested } : {}),
    }
  })
}

describe('the contents list', () => {
  test('sub-headings are a list nested in their heading’s item, numbered on their own (Chromium’s accessibility tree)', async () => {
    const context = await browser().newContext()
    const page = await context.newPage()
    await page.goto(url(PUBLIC_PAGES['accessibility statement']))
    const cdp = await context.newCDPSession(page)
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] }
    await context.close()
    const byId = new Map(nodes.map((node) => [node.nodeId, node]))
    const contents = nodes.find((node) => node.role?.value === 'navigation' && node.name?.value === 'Contents')
    assert.ok(contents, 'a navigation landmark named Contents')
    assert.deepEqual(outline(byId, contents.nodeId), [
      { marker: '1.', link: 'How accessible this website is' },
      { marker: '2.', link: 'Feedback and contact information' },
      { marker: '3.', link: 'Enforcement procedure' },
      {
        marker: '4.',
        link: 'Technical information about this website’s accessibility',
        items: [{ marker: 'a.', link: 'Compliance status' }],
      },
      {
        marker: '5.',
        link: 'Non-accessible content',
        items: [
          { marker: 'a.', link: 'Non-compliance with the accessibility regulations' },
          { marker: 'b.', link: 'Disproportionate burden' },
        ],
      },
      { marker: '6.', link: 'What we’re doing to improve accessibility' },
      { marker: '7.', link: 'Preparation of this accessibility statement' },
    ])
  })
})

describe('a 390 × 844 phone', () => {
  const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 }
  const HEADER_CONTROLS = ['Skip to main content', 'Sandbank', 'Posts', 'Tags', 'Archive', 'About', 'Fixture page', 'q', 'Search', 'Dark mode']

  for (const javaScriptEnabled of [true, false]) {
    test(`${javaScriptEnabled ? 'with' : 'without'} JavaScript: a post's title starts within 200 px, and every header control is there by Tab`, async () => {
      const context = await browser().newContext({ ...phone, javaScriptEnabled })
      const page = await context.newPage()
      await page.goto(url(PUBLIC_PAGES['post with contents']))
      if (javaScriptEnabled) await waitForHydration(page)
      const titleTop = await page.locator('main h1').evaluate((h1) => h1.getBoundingClientRect().top)
      mkdirSync(SCREENSHOTS, { recursive: true })
      const screenshot = path.join(SCREENSHOTS, `phone-390-post-${javaScriptEnabled ? 'js' : 'no-js'}.png`)
      await page.screenshot({ path: screenshot })
      console.log(`# the first screen of a post at 390 × 844: ${path.relative(ROOT, screenshot)} (title ${Math.round(titleTop)} px down)`)
      assert.ok(titleTop <= 200, `the post title starts ${titleTop} px down (at most 200)`)

      const reached: { name: string; visible: boolean }[] = []
      const expected = javaScriptEnabled ? HEADER_CONTROLS : HEADER_CONTROLS.filter((name) => name !== 'Dark mode')
      for (let i = 0; i < expected.length; i++) {
        await page.keyboard.press('Tab')
        reached.push(
          await page.evaluate(() => {
            const active = document.activeElement as HTMLElement
            const box = active.getBoundingClientRect()
            return {
              name: active.innerText || (active as HTMLInputElement).name,
              visible: box.width > 0 && box.height > 0 && box.right <= window.innerWidth && box.bottom > 0,
            }
          }),
        )
      }
      await context.close()
      assert.deepEqual(
        reached.map((control) => control.name),
        expected,
      )
      assert.deepEqual(
        reached.filter((control) => !control.visible),
        [],
        'each control is on screen when it has focus',
      )
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
