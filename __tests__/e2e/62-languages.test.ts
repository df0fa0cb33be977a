import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { axeViolations, get, suiteBrowser, url } from './helpers'

/**
 * The fixture posts in other languages (__tests__/fixtures/content/posts): an
 * English post and its Welsh translation (translationKey coastal-open-data),
 * a Persian post and a Chinese one. The site's language is the default, en-GB.
 */
const ENGLISH = '/posts/coastal-open-data'
const WELSH = '/posts/data-agored-ar-yr-arfordir'
const PERSIAN = '/posts/open-data-in-persian'
const CHINESE = '/posts/open-data-in-chinese'

const browser = suiteBrowser()

async function open(pathname: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await browser().newContext({ colorScheme, javaScriptEnabled: false })
  const page = await context.newPage()
  const response = await page.goto(url(pathname))
  assert.equal(response?.status(), 200, pathname)
  return page
}

/** The language and direction a reader's browser (and screen reader) takes for an element: its nearest `lang`, and the computed direction. */
async function languageOf(page: Page, selector: string): Promise<{ lang: string; direction: string }> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => ({
      lang: element.closest('[lang]')?.getAttribute('lang') ?? '',
      direction: getComputedStyle(element).direction,
    }))
}

/** `<link rel="alternate" hreflang>` in the head: language → path. */
async function hreflangLinks(page: Page): Promise<Record<string, string>> {
  const links = await page
    .locator('head link[rel="alternate"][hreflang]')
    .evaluateAll((elements) => elements.map((link) => [link.getAttribute('hreflang') ?? '', new URL(link.getAttribute('href') ?? '').pathname]))
  return Object.fromEntries(links)
}

describe("each post is in its own language and direction; the site's frame keeps the site's", () => {
  for (const [pathname, lang, direction] of [
    [PERSIAN, 'fa', 'rtl'],
    [CHINESE, 'zh-Hans', 'ltr'],
    [WELSH, 'cy', 'ltr'],
    [ENGLISH, 'en-GB', 'ltr'],
  ] as const) {
    test(`${pathname}: its title and text are ${lang}, ${direction}; the header and footer en-GB, ltr`, async () => {
      const page = await open(pathname)
      assert.deepEqual(await languageOf(page, 'article h1'), { lang, direction })
      assert.deepEqual(await languageOf(page, 'article .prose p'), { lang, direction })
      assert.deepEqual(await languageOf(page, 'header.site-header nav'), { lang: 'en-GB', direction: 'ltr' })
      assert.deepEqual(await languageOf(page, 'footer.site-footer'), { lang: 'en-GB', direction: 'ltr' })
      await page.context().close()
    })
  }

  test('the Welsh post gives its date and reading time in Welsh (a two-minute read takes the mutated "funud")', async () => {
    const page = await open(WELSH)
    const meta = await page.locator('article .meta').first().innerText()
    assert.match(meta, /11 Mai 2011/)
    assert.match(meta, /2 funud o ddarllen/)
    assert.doesNotMatch(meta, /min read/)
    await page.context().close()
  })

  test("the Persian post gives its date in Persian; its reading time, with no Persian dictionary, in the site's words marked en-GB", async () => {
    const page = await open(PERSIAN)
    assert.match(await page.locator('article .meta time').first().innerText(), /^[۰-۹]+ [^\d]+ [۰-۹]+$/)
    assert.deepEqual(await languageOf(page, 'article .meta [lang="en-GB"]'), { lang: 'en-GB', direction: 'ltr' })
    assert.match(await page.locator('article .meta [lang="en-GB"]').first().innerText(), /^1 min read$/)
    await page.context().close()
  })
})

describe('translations name each other', () => {
  test('in the head: hreflang alternates both ways, each page naming itself too', async () => {
    for (const pathname of [ENGLISH, WELSH]) {
      const page = await open(pathname)
      assert.deepEqual(await hreflangLinks(page), { 'en-GB': ENGLISH, cy: WELSH }, pathname)
      await page.context().close()
    }
    const persian = await open(PERSIAN)
    assert.deepEqual(await hreflangLinks(persian), {}, 'a post with no translation names none')
    await persian.context().close()
  })

  test('on the page: a link written in the other language, with lang and hreflang set', async () => {
    for (const [pathname, words, lang, target] of [
      [ENGLISH, 'Darllenwch yn Gymraeg', 'cy', WELSH],
      [WELSH, 'Read in English', 'en-GB', ENGLISH],
    ] as const) {
      const page = await open(pathname)
      const link = page.getByRole('link', { name: words, exact: true })
      assert.equal(await link.count(), 1, `${pathname} links to its translation`)
      assert.equal(await link.getAttribute('lang'), lang)
      assert.equal(await link.getAttribute('hreflang'), lang)
      assert.equal(new URL(url((await link.getAttribute('href')) ?? '')).pathname, target)
      await page.context().close()
    }
  })

  test('in the sitemap: each twin lists both as xhtml:link alternates', async () => {
    const { status, text } = await get('/sitemap.xml')
    assert.equal(status, 200)
    assert.match(text, /<urlset [^>]*xmlns:xhtml="http:\/\/www.w3.org\/1999\/xhtml"/)
    const entries = [...text.matchAll(/<url>([\s\S]*?)<\/url>/g)].map((match) => match[1])
    for (const pathname of [ENGLISH, WELSH]) {
      const entry = entries.find((body) => body.includes(`${pathname}</loc>`))
      assert.ok(entry, `${pathname} is in the sitemap`)
      const alternates = [...entry.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\s*\/>/g)].map(([, lang, href]) => [
        lang,
        new URL(href).pathname,
      ])
      assert.deepEqual(Object.fromEntries(alternates), { 'en-GB': ENGLISH, cy: WELSH }, pathname)
    }
    const persian = entries.find((body) => body.includes(`${PERSIAN}</loc>`))
    assert.ok(persian && !persian.includes('xhtml:link'), 'a post with no translation has no alternates')
  })

  test("listings show the twin in the site's language only", async () => {
    const { text } = await get('/tags/fixture-languages')
    assert.match(text, new RegExp(`href="${ENGLISH}"`))
    assert.doesNotMatch(text, new RegExp(`href="${WELSH}"`))
    assert.match(text, new RegExp(`href="${PERSIAN}"`))
  })
})

describe('search reads every script', () => {
  for (const [query, pathname, lang] of [
    ['شهرداری', PERSIAN, 'fa'],
    ['潮汐', CHINESE, 'zh-Hans'],
    ['harbwrfeistri', WELSH, 'cy'],
  ] as const) {
    test(`"${query}" finds ${pathname}, marked ${lang}`, async () => {
      const { status, text } = await get(`/api/search?q=${encodeURIComponent(query)}`)
      assert.equal(status, 200)
      const hit = (JSON.parse(text) as { results: { url: string; lang?: string }[] }).results.find((result) => result.url === pathname)
      assert.ok(hit, `${query} finds ${pathname}: ${text}`)
      assert.equal(hit.lang, lang)
    })
  }
})

for (const colorScheme of ['light', 'dark'] as const) {
  describe(`axe-core on posts in other languages, ${colorScheme} theme`, () => {
    for (const pathname of [PERSIAN, CHINESE, WELSH]) {
      test(`${pathname} has no violations`, async () => {
        const context = await browser().newContext({ colorScheme })
        const page = await context.newPage()
        await page.goto(url(pathname))
        const violations = await axeViolations(page)
        await context.close()
        assert.deepEqual(violations, [])
      })
    }
  })
}
