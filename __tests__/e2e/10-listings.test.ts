import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, test } from 'node:test'
import { DIST_DIR, get, listFiles } from './helpers'

/**
 * Listings stay one page's size however many posts there are, and only the
 * newest posts are built ahead. The harness adds FILLER_POSTS posts from 2013,
 * all tagged fixture-filler, and builds only the newest PRERENDER_POSTS ahead.
 */
const FILLER_POSTS = Number(process.env.E2E_FILLER_POSTS ?? 0)
const PRERENDER_POSTS = Number(process.env.E2E_PRERENDER_POSTS ?? 0)
const TAG = '/tags/fixture-filler'
const TAG_PAGES = Math.ceil(FILLER_POSTS / 10)
/** Posts on a page of a year (site.archivePerPage). */
const YEAR_PAGE = 100
/** 2013 also holds the fixture post with tags in other scripts (__tests__/fixtures/content/posts) and the harness's photo post (scripts/lib/photo-post.ts). */
const POSTS_IN_2013 = FILLER_POSTS + 2

const cards = (html: string) => (html.match(/<article class="post-card">/g) ?? []).length
const link = (html: string, rel: 'prev' | 'next') =>
  new RegExp(`<a rel="${rel}" href="([^"]+)">|<a href="([^"]+)" rel="${rel}">`).exec(html)?.slice(1).find(Boolean)

describe('the fixture is big enough to paginate', () => {
  test('fixture-filler spans several tag pages and 2013 more than one year page', () => {
    assert.ok(TAG_PAGES >= 3, `${FILLER_POSTS} filler posts`)
    assert.ok(POSTS_IN_2013 > YEAR_PAGE, `${POSTS_IN_2013} posts in 2013`)
    assert.ok(PRERENDER_POSTS > 0 && PRERENDER_POSTS < FILLER_POSTS)
  })
})

describe('tag pages are paginated like the home page', () => {
  test('the first page links to the second, each later page to its neighbours, the last to none after it', async () => {
    const first = await get(TAG)
    assert.equal(first.status, 200)
    assert.equal(cards(first.text), 10)
    assert.equal(link(first.text, 'prev'), undefined)
    assert.equal(link(first.text, 'next'), `${TAG}/page/2`)
    assert.match(first.text, new RegExp(`Page 1 of ${TAG_PAGES}`))
    assert.match(first.text, />Filler post 105</, 'newest first')

    const second = await get(`${TAG}/page/2`)
    assert.equal(second.status, 200)
    assert.equal(cards(second.text), 10)
    assert.equal(link(second.text, 'prev'), TAG)
    assert.equal(link(second.text, 'next'), `${TAG}/page/3`)
    assert.match(second.text, /<link rel="canonical" href="[^"]+\/tags\/fixture-filler\/page\/2"\/>/)
    assert.match(second.text, /Posts tagged “fixture-filler”, page 2/)

    const last = await get(`${TAG}/page/${TAG_PAGES}`)
    assert.equal(last.status, 200)
    assert.equal(cards(last.text), FILLER_POSTS - (TAG_PAGES - 1) * 10)
    assert.equal(link(last.text, 'next'), undefined)
    assert.match(last.text, />Filler post 1</, 'the oldest post is on the last page')
  })

  test('pages past the end, malformed page numbers and pages of unknown tags answer 404', async () => {
    for (const pathname of [
      `${TAG}/page/${TAG_PAGES + 1}`,
      `${TAG}/page/0`,
      `${TAG}/page/02`,
      `${TAG}/page/x`,
      '/tags/no-such-tag/page/2',
      `${TAG}/other`,
    ]) {
      assert.equal((await get(pathname)).status, 404, pathname)
    }
  })
})

describe('the archive is a year index with a page per year', () => {
  test('/archive lists each year and month with counts, linking to the year pages', async () => {
    const { status, text } = await get('/archive')
    assert.equal(status, 200)
    assert.match(text, new RegExp(`<a href="/archive/2013">2013</a> <span class="meta">\\(${POSTS_IN_2013} posts\\)</span>`))
    assert.match(text, /href="\/archive\/2014#month-2014-04">April 2014<\/a>/)
    // A month links to the page where its newest post is: January 2013 starts on the first page and runs onto the second.
    assert.match(text, /href="\/archive\/2013#month-2013-01">January 2013<\/a>/)
    assert.doesNotMatch(text, /Filler post/, 'the index names months, not posts')
  })

  test('a large year is paginated, newest first, with its months as headings', async () => {
    const first = await get('/archive/2013')
    assert.equal(first.status, 200)
    assert.equal((first.text.match(/<li><a href="\/posts\/[^"]+">/g) ?? []).length, YEAR_PAGE)
    assert.match(first.text, /<h1>Posts from 2013, page 1 of 2<\/h1>/)
    assert.match(first.text, /<h2 id="month-2013-11">November 2013<\/h2>/)
    assert.equal(link(first.text, 'next'), '/archive/2013/page/2')
    const second = await get('/archive/2013/page/2')
    assert.equal(second.status, 200)
    assert.equal(link(second.text, 'prev'), '/archive/2013')
    assert.match(second.text, /<h2 id="month-2013-01">January 2013<\/h2>/)
    assert.match(second.text, /href="\/posts\/filler-post-1">Filler post 1<\/a>/)
    for (const pathname of ['/archive/2013/page/3', '/archive/2012', '/archive/2013/page/x', '/archive/13']) {
      assert.equal((await get(pathname)).status, 404, pathname)
    }
  })
})

describe('old and first-page addresses keep working', () => {
  test('the first page of a listing under /page/1 redirects permanently to the listing itself', async () => {
    for (const [from, to] of [
      ['/page/1', '/'],
      [`${TAG}/page/1`, TAG],
      ['/archive/2013/page/1', '/archive/2013'],
      ['/authors/digital-communications-manager/page/1', '/authors/digital-communications-manager'],
    ]) {
      const response = await get(from)
      assert.equal(response.status, 308, from)
      assert.equal(response.headers.get('location'), to, from)
    }
  })

  test('…with the page number or any plain character percent-encoded too: the same 308, and nothing written to the server cache', async () => {
    // Each encoded address answers what its plain form answers: one parse of the address for the redirects and the route guard.
    for (const [from, to] of [
      ['/page/%31', '/'],
      [`${TAG}/page/%31`, TAG],
      ['/archive/2013/page/%31', '/archive/2013'],
      // The addresses of the report (issue 21): a tag no post has, and a year with one page, go where their /page/1 goes too.
      ['/tags/x/page/%31', '/tags/x'],
      ['/archive/2014/page/%31', '/archive/2014'],
      ['/authors/digital-communications-manager/page/%31', '/authors/digital-communications-manager'],
      ['/2014/%303/24/shifting-digital-sands/', '/posts/shifting-digital-sands'],
    ]) {
      const response = await get(from)
      assert.equal(response.status, 308, from)
      assert.equal(response.headers.get('location'), to, from)
      assert.match(response.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/, `${from}: security headers`)
    }
    const written = listFiles(path.join(DIST_DIR, 'server')).filter((file) => /\/page\/1(\.|\/|$)/.test(file))
    assert.deepEqual(written, [], 'a first page rendered (as a 404) and kept under …/page/1')
  })

  test('/archive and /tags/<tag> are still the first pages they were', async () => {
    assert.equal((await get('/archive')).status, 200)
    assert.match((await get('/archive')).text, /id="year-2014"/, 'old links to /archive#year-2014 still land on the year')
    assert.equal((await get('/tags/events')).status, 200)
  })

  test("an author's posts are paginated too", async () => {
    const author = await get('/authors/digital-communications-manager')
    assert.equal(cards(author.text), 10)
    assert.equal(link(author.text, 'next'), '/authors/digital-communications-manager/page/2')
    const second = await get('/authors/digital-communications-manager/page/2')
    assert.equal(second.status, 200)
    assert.equal(cards(second.text), 10)
  })
})

describe('only the newest posts are built ahead', () => {
  const cachedFiles = (slug: string) => listFiles(path.join(DIST_DIR, 'server')).filter((file) => path.basename(file).startsWith(`${slug}.`))

  test('an older post renders on its first request, in full without JavaScript, and is cached after', async () => {
    const slug = 'filler-post-2'
    assert.deepEqual(cachedFiles(slug), [], 'not prerendered')
    assert.ok(existsSync(path.join(DIST_DIR, 'server/app/posts/localgovdigital-a-day-with-gdsteam.html')), 'the newest posts are')
    const first = await get(`/posts/${slug}`)
    assert.equal(first.status, 200)
    assert.match(first.text, /<h1>Filler post 2<\/h1>/)
    assert.match(first.text, /<p>Filler post 2 body.<\/p>/, 'the body is in the HTML')
    assert.match(first.text, /rel="prev" href="\/posts\/filler-post-1"|href="\/posts\/filler-post-1" rel="prev"/)
    const second = await get(`/posts/${slug}`)
    assert.equal(second.status, 200)
    assert.equal(second.headers.get('x-nextjs-cache'), 'HIT')
    assert.ok(
      cachedFiles(slug).some((file) => file.endsWith('.html')),
      'written to the server cache',
    )
    const card = await fetch(new URL(`/og/posts/${slug}`, process.env.BASE_URL))
    assert.equal(card.status, 200)
    assert.equal(card.headers.get('content-type'), 'image/png')
  })

  test('made-up slugs, tags, years and pages answer 404 and leave nothing in the server cache', async () => {
    const marker = `madeup${Date.now()}`
    const paths = [
      `/posts/${marker}`,
      `/og/posts/${marker}`,
      `/tags/${marker}`,
      `/tags/${marker}/page/2`,
      `${TAG}/page/999`,
      `/authors/${marker}/page/2`,
      '/archive/1066',
      '/archive/1066/page/2',
      '/sitemaps/9.xml',
    ]
    for (const pathname of paths) assert.equal((await get(pathname)).status, 404, pathname)
    const traces = [marker, '1066', 'fixture-filler/page/999', 'sitemaps/9']
    const written = listFiles(path.join(DIST_DIR, 'server')).filter((file) => traces.some((trace) => file.includes(trace)))
    assert.deepEqual(written, [])
  })
})
