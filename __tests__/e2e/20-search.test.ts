import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { CANARY, axeViolations, get, newPage, url, suiteBrowser, waitForHydration } from './helpers'

type Hit = { type: 'post' | 'page'; title: string; url: string; date?: string; summary: string; snippet: string; tags: string[]; score: number }
type Answer = { query: string; total: number; results: Hit[] }

async function search(query: string, extra = ''): Promise<{ status: number; headers: Headers; text: string; body: Answer & { error?: string } }> {
  const response = await get(`/api/search?q=${encodeURIComponent(query)}${extra}`)
  return { ...response, body: JSON.parse(response.text) }
}

describe('GET /api/search', () => {
  test('ranks the seed posts for misspelt, half-typed and inflected words', async () => {
    const typo = await search('usabilty')
    assert.equal(typo.status, 200)
    assert.match(typo.headers.get('content-type') ?? '', /^application\/json/)
    assert.match(typo.headers.get('cache-control') ?? '', /no-store|max-age=\d+/)
    assert.equal(typo.body.query, 'usabilty')
    assert.equal(typo.body.results[0].url, '/posts/localgov-digital-free-usability-dashboard-beta')
    assert.match(typo.body.results[0].snippet, /<mark>usability<\/mark>/i)
    assert.equal(typo.body.results[0].date, '2014-02-12T00:00:00.000Z')
    assert.deepEqual(typo.body.results[0].tags, ['localgov-digital', 'usability'])

    const prefix = await search('dashb')
    assert.equal(prefix.body.results[0].url, '/posts/localgov-digital-free-usability-dashboard-beta')
    assert.match(prefix.body.results[0].snippet, /<mark>dashboard<\/mark>/i)

    const stemmed = await search('hacking')
    assert.equal(stemmed.body.results[0].url, '/posts/hack-devon-county-council')
    assert.equal(stemmed.body.results[0].title, 'Hack Devon County Council')
  })

  test('a title match comes first, and results are best first', async () => {
    const { body } = await search('sands')
    assert.equal(body.results[0].url, '/posts/shifting-digital-sands')
    const { body: digital } = await search('digital')
    assert.ok(digital.total >= 4, `digital is in most posts, got ${digital.total}`)
    const scores = digital.results.map((hit) => hit.score)
    assert.deepEqual(
      [...scores].sort((a, b) => b - a),
      scores,
    )
  })

  test('limit caps the results but not the total', async () => {
    const { status, body } = await search('digital', '&limit=1')
    assert.equal(status, 200)
    assert.equal(body.results.length, 1)
    assert.ok(body.total > 1)
  })

  test('empty or missing q is an empty answer, not an error', async () => {
    for (const pathname of ['/api/search', '/api/search?q=', '/api/search?q=%20%20']) {
      const { status, text } = await get(pathname)
      assert.equal(status, 200, pathname)
      assert.deepEqual(JSON.parse(text), { query: '', total: 0, results: [] })
    }
  })

  test('a query over 200 characters is a 400 with a JSON error', async () => {
    const { status, headers, body } = await search('a'.repeat(201))
    assert.equal(status, 400)
    assert.match(headers.get('content-type') ?? '', /^application\/json/)
    assert.match(body.error ?? '', /200 characters/)
    assert.equal((await search('a'.repeat(200))).status, 200)
  })

  test('limit outside 1 to 50 is a 400', async () => {
    for (const limit of ['0', '51', 'abc', '-3', '2.5']) {
      const { status, body } = await search('digital', `&limit=${limit}`)
      assert.equal(status, 400, `limit=${limit}`)
      assert.match(body.error ?? '', /limit/)
    }
  })

  test('any characters are safe: no 500, and markup is never echoed raw', async () => {
    for (const query of [
      '(*+?[',
      '<img src=x onerror=alert(1)>',
      '</script><script>alert(1)</script>',
      '🦀🔍 usability',
      'بحث عن البيانات',
      '\u202Eevil',
      '%00',
      '\\u0000',
    ]) {
      const { status, text, body } = await search(query)
      assert.equal(status, 200, query)
      assert.equal(body.query, query.trim(), 'the query round-trips through JSON')
      assert.doesNotMatch(text, /<img|<script|<\/script/i, query)
      for (const hit of body.results)
        assert.deepEqual(
          [...new Set(hit.snippet.match(/<[^>]*>/g) ?? [])].filter((tag) => !/^<\/?mark>$/.test(tag)),
          [],
        )
    }
  })

  test('pages are found beside posts: marked type "page", with no date', async () => {
    const { body } = await search('accessibility statement')
    const statement = body.results.find((hit) => hit.url === '/accessibility')
    assert.ok(statement, 'the accessibility statement is found')
    assert.equal(statement.type, 'page')
    assert.equal(statement.title, 'Accessibility statement')
    assert.equal(statement.date, undefined)
    assert.deepEqual(statement.tags, [])
    const { body: usability } = await search('usability')
    const found = usability.results.map((hit) => [hit.type, hit.url])
    assert.deepEqual(found[0], ['post', '/posts/localgov-digital-free-usability-dashboard-beta'], 'the post whose title matches comes first')
    assert.ok(
      found.some(([type, url]) => type === 'page' && url === '/about'),
      "About lists the posts' subjects",
    )
    const { text } = await get('/search?q=sandpiperchildpage')
    assert.match(text, /href="\/fixture-page\/child"[^>]*>Fixture child page<\/a><\/h3><p class="meta">Page<\/p>/)
  })

  test('drafts, scheduled posts and draft pages are not indexed', async () => {
    const { status, body, text } = await search(CANARY)
    assert.equal(status, 200)
    assert.equal(body.total, 0)
    assert.doesNotMatch(text, /qzcanary-(draft|scheduled|page)|draft title|scheduled title|page title/i)
  })
})

describe('the /search page', () => {
  const browser = suiteBrowser()

  test('server-renders results, a count heading, noindex and the title', async () => {
    const { status, text } = await get('/search?q=usabilty')
    assert.equal(status, 200)
    assert.match(text, /<title>Search · [^<]+<\/title>/)
    assert.match(text, /<meta name="robots" content="noindex, follow"\/>/)
    // The post, and the About page, which lists what the posts are about.
    assert.match(text, /2 results for “usabilty”/)
    assert.match(text, /href="\/posts\/localgov-digital-free-usability-dashboard-beta"/)
    assert.match(text, /<time dateTime="2014-02-12T00:00:00.000Z">12 February 2014<\/time>/)
    assert.match(text, /<mark>usability<\/mark>/i)
  })

  test('says so when nothing matches or the query is too long, and never echoes markup', async () => {
    // No digits in the query: the e2e content's filler posts are numbered, and "1" is a word.
    const none = await get(`/search?q=${encodeURIComponent('<img src=x onerror=alert(zzqx)>')}`)
    assert.equal(none.status, 200)
    assert.match(none.text, /No results for “&lt;img src=x onerror=alert\(zzqx\)&gt;”/)
    assert.doesNotMatch(none.text, /<img src=x/)
    const long = await get(`/search?q=${'a'.repeat(201)}`)
    assert.equal(long.status, 200)
    assert.match(long.text, /Your search is too long/)
  })

  test('without JavaScript: the header form submits to /search and lists results', async () => {
    const page = await newPage(browser(), { javaScriptEnabled: false })
    try {
      await page.goto(url('/'))
      await page.fill('#site-search', 'hacking')
      await Promise.all([page.waitForURL(/\/search\?q=hacking$/), page.press('#site-search', 'Enter')])
      const first = page.locator('#search-results a').first()
      assert.equal(await first.getAttribute('href'), '/posts/hack-devon-county-council')
      assert.match((await page.locator('[role="status"]').textContent()) ?? '', /results? for “hacking”/)
    } finally {
      await page.context().close()
    }
  })

  test('with JavaScript: results appear as you type, announced in the live region, without navigating', async () => {
    const page = await newPage(browser())
    try {
      await page.goto(url('/search'))
      await waitForHydration(page)
      await page.evaluate(() => ((window as unknown as { stayedHere: boolean }).stayedHere = true))
      // `/` from the page body jumps to the search box.
      await page.locator('h1').click()
      await page.keyboard.press('/')
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-query')
      await page.keyboard.type('usab')
      await page.locator('#search-results a', { hasText: 'Usability Dashboard' }).waitFor()
      assert.match((await page.locator('[role="status"]').textContent()) ?? '', /2 results for “usab”/)
      assert.equal(await page.evaluate(() => (window as unknown as { stayedHere?: boolean }).stayedHere), true, 'no page load')
      assert.match(page.url(), /\/search\?q=usab$/)
      // Arrow down reaches the first result; Enter opens it.
      await page.keyboard.press('ArrowDown')
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '/posts/localgov-digital-free-usability-dashboard-beta')
      await Promise.all([page.waitForURL(/\/posts\/localgov-digital-free-usability-dashboard-beta$/), page.keyboard.press('Enter')])
    } finally {
      await page.context().close()
    }
  })

  test('has no WCAG 2.2 A or AA violations, with results and with an error', async () => {
    for (const pathname of ['/search?q=digital', `/search?q=${'a'.repeat(201)}`]) {
      const page = await newPage(browser())
      try {
        await page.goto(url(pathname))
        assert.deepEqual(await axeViolations(page), [], pathname)
      } finally {
        await page.context().close()
      }
    }
  })
})
