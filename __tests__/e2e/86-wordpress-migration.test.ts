/**
 * A WordPress export imported with the importer's defaults (scripts/test.ts imports
 * __tests__/fixtures/wordpress/permalinks.xml into the suite's content): every permalink
 * structure WordPress offers, Polylang's /xx/ prefixes and non-Latin slugs reach their
 * post in one permanent redirect carrying the security headers, and so do categories,
 * tags, authors, feeds and attachment pages.
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { get } from './helpers'

/** Old address (as the export's <link> wrote it, percent-encoding and all) → the new one. */
const MOVED: Array<[string, string]> = [
  ['/?p=11', '/posts/plain-permalink'],
  ['/2010/06/02/day-and-name/', '/posts/day-and-name'],
  ['/2010/06/month-and-name/', '/posts/month-and-name'],
  ['/archives/14', '/posts/numeric'],
  ['/post-name/', '/posts/post-name'],
  ['/16.html', '/posts/post-id-dot-html'],
  ['/news/category-prefix/', '/posts/category-prefix'],
  ['/blog/sarah/18/custom-with-author-and-id/', '/posts/custom-with-author-and-id'],
  ['/fa/%d9%86%d8%b1%d9%85%e2%80%8c%d8%a7%d9%81%d8%b2%d8%a7%d8%b1-%d8%a2%d8%b2%d8%a7%d8%af/', '/posts/nrmfzr-azd'],
  ['/en/free-software/', '/posts/free-software'],
  ['/%e5%a4%a9%e6%b0%94/', '/posts/tianqi'],
  ['/?page_id=30', '/about-us'],
  // What else the old site answered: ids, attachment pages, listings and feeds.
  ['/?p=19', '/posts/nrmfzr-azd'],
  ['/post-name/harbour/', '/posts/post-name'],
  ['/?attachment_id=31', '/posts/post-name'],
  ['/category/javascript-jquery/', '/tags/javascript-jquery'],
  ['/category/news/feed/', '/feed.xml'],
  ['/fa/tag/%d9%86%d8%b1%d9%85%e2%80%8c%d8%a7%d9%81%d8%b2%d8%a7%d8%b1/', `/tags/${encodeURIComponent('نرمافزار')}`],
  ['/author/reza/', '/authors/reza'],
  ['/feed/', '/feed.xml'],
  ['/fa/feed/atom/', '/atom.xml'],
  ['/comments/feed/', '/feed.xml'],
  // A browser sends percent-encoding in upper case; a post's own feed and comment pages mean the post.
  ['/%E5%A4%A9%E6%B0%94/', '/posts/tianqi'],
  ['/2010/06/02/day-and-name/feed/', '/posts/day-and-name'],
  ['/post-name/comment-page-2/', '/posts/post-name'],
]

describe('old WordPress addresses after an import with default options', () => {
  test('each reaches its new home in one permanent redirect with the security headers, and that home answers 200', async () => {
    for (const [from, to] of MOVED) {
      const moved = await get(from, { redirect: 'manual' })
      assert.equal(moved.status, 308, `${from} answered ${moved.status}`)
      const location = new URL(moved.headers.get('location') ?? '', 'http://x').pathname
      assert.equal(decodeURIComponent(location), decodeURIComponent(to), `${from} went to ${location}`)
      assert.match(moved.headers.get('content-security-policy') ?? '', /default-src 'self'/, `${from} has the CSP`)
      assert.equal(moved.headers.get('x-content-type-options'), 'nosniff')
      const home = await get(location, { redirect: 'manual' })
      assert.equal(home.status, 200, `${from} → ${location} answered ${home.status}`)
    }
  })

  test("the site's own addresses stay its own: /search is not the old site's /search/ page", async () => {
    assert.equal((await get('/search', { redirect: 'manual' })).status, 200)
  })

  test('bylines name the WordPress author (dc:creator), with the display name from <wp:author>', async () => {
    assert.match((await get('/posts/day-and-name')).text, /By <a href="\/authors\/reza">رضا Reza<\/a>/)
    assert.match((await get('/posts/plain-permalink')).text, /By <a href="\/authors\/sarah">Sarah Lay<\/a>/)
  })

  test('a picture that answers nowhere is its caption with a link, never a broken image', async () => {
    const post = await get('/posts/post-name')
    assert.doesNotMatch(post.text, /<img[^>]+old\.example\.org/)
    // React may separate the caption's text from the dash with an empty comment.
    assert.match(
      post.text,
      /<figcaption>harbour\.jpg(<!-- -->)? – <a href="https:\/\/old\.example\.org\/wp-content\/uploads\/2010\/06\/harbour\.jpg">/,
    )
  })

  test('a picture kept on another host is allowed by the CSP the import recorded, and one without a text alternative is marked and listed', async () => {
    const post = await get('/posts/month-and-name')
    assert.match(post.text, /<img src="https:\/\/images\.example\.net\/photo\.jpg" alt="Text alternative missing"/)
    assert.match(post.headers.get('content-security-policy') ?? '', /img-src 'self' data:[^;]* https:\/\/images\.example\.net[; ]/)
    const statement = await get('/accessibility')
    assert.match(
      statement.text,
      /<a href="\/posts\/month-and-name">Month and name<\/a> \(<!-- -->one picture<!-- -->\)|<a href="\/posts\/month-and-name">Month and name<\/a> \(one picture\)/,
    )
  })

  test('tag names keep their zero-width non-joiner', async () => {
    const tag = await get(`/tags/${encodeURIComponent('نرمافزار')}`)
    assert.equal(tag.status, 200)
    assert.ok(tag.text.includes('نرم\u200cافزار'), 'the tag is named as written')
  })
})
