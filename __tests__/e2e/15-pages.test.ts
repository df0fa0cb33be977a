import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { createHash } from 'node:crypto'
import { fetchCard, get, metaContent } from './helpers'

/** The main navigation's links, in order, as [href, text]. */
function navigation(html: string): string[][] {
  const nav = html.match(/<nav aria-label="Main"[^>]*>([\s\S]*?)<\/nav>/)?.[1] ?? ''
  return [...nav.matchAll(/<a[^>]*href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((match) => [match[1], match[2]])
}

describe('content pages at /<slug>', () => {
  test('the header lists the fixed links, then pages in their nav order; draft pages and pages without nav are left out', async () => {
    for (const pathname of ['/', '/posts/shifting-digital-sands', '/about', '/no-such-page']) {
      const { text } = await get(pathname)
      assert.deepEqual(
        navigation(text),
        [
          ['/', 'Posts'],
          ['/tags', 'Tags'],
          ['/archive', 'Archive'],
          ['/about', 'About'],
          ['/fixture-page', 'Fixture page'],
        ],
        pathname,
      )
    }
  })

  test('a page is served at its slug with its own title, description, canonical link and no post furniture', async () => {
    const { status, text } = await get('/fixture-page')
    assert.equal(status, 200)
    assert.match(text, /<h1>Fixture page<\/h1>/)
    assert.match(text, /sandpiperfixturepage/)
    assert.match(text, /<h2 id="contact"><a class="heading-anchor" href="#contact">Contact<\/a><\/h2>/, 'the same MDX pipeline as posts')
    assert.match(text, /<title>Fixture page · [^<]+<\/title>/)
    assert.equal(metaContent(text, 'description'), 'A published page added by the end-to-end tests, in the header navigation after About.')
    assert.match(text, /<link rel="canonical" href="http:\/\/127\.0\.0\.1:\d+\/fixture-page"\/>/)
    assert.doesNotMatch(text, /min read|BlogPosting|rel="prev"|class="byline"/)
  })

  test('a child page keeps its address below its parent, and an old address with a trailing slash takes one redirect', async () => {
    const child = await get('/fixture-page/child')
    assert.equal(child.status, 200)
    assert.match(child.text, /<h1>Fixture child page<\/h1>/)
    for (const [old, target] of [
      ['/about/', '/about'],
      ['/fixture-page/child/', '/fixture-page/child'],
    ]) {
      const first = await get(old)
      assert.equal(first.status, 308, old)
      assert.equal(first.headers.get('location'), target)
      assert.equal((await get(target)).status, 200, target)
    }
  })

  test('/about is the About page, which links to the author profile that it used to redirect to', async () => {
    const { status, text } = await get('/about')
    assert.equal(status, 200)
    assert.match(text, /<h1>About<\/h1>/)
    assert.match(text, /href="\/authors\/digital-communications-manager"/)
    assert.equal((await get('/authors/digital-communications-manager')).status, 200)
  })

  test('the accessibility statement is linked from every footer and follows the model structure', async () => {
    for (const pathname of ['/', '/posts/shifting-digital-sands', '/no-such-page']) {
      const { text } = await get(pathname)
      const footer = text.match(/<footer[\s\S]*?<\/footer>/)?.[0] ?? ''
      assert.match(footer, /<a href="\/accessibility">Accessibility statement<\/a>/, pathname)
    }
    const { status, text } = await get('/accessibility')
    assert.equal(status, 200)
    for (const heading of [
      'How accessible this website is',
      'Feedback and contact information',
      'Enforcement procedure',
      'Technical information about this website’s accessibility',
      'Compliance status',
      'Non-accessible content',
      'Preparation of this accessibility statement',
    ]) {
      assert.match(text, new RegExp(`>${heading}</a></h[23]>`), heading)
    }
    assert.match(text, /Equality Advisory and Support Service/)
    assert.match(text, /Equality Commission for Northern Ireland/)
    assert.match(text, /This statement was prepared on \d{1,2} \w+ \d{4}\./)
    assert.match(text, /This website was last tested on \d{1,2} \w+ \d{4}\./)
    assert.match(text, /Last updated <time dateTime="2026-11-29T00:00:00.000Z">29 November 2026<\/time>/)
    assert.match(text, /Email: (<!-- -->)?none published yet/, 'no contact address is invented when SITE_CONTACT_EMAIL is unset')
  })

  test('pages are in the sitemap, with their child pages; draft pages are not', async () => {
    const { text } = await get('/sitemap.xml')
    for (const slug of ['about', 'accessibility', 'fixture-page', 'fixture-page/child']) {
      assert.match(text, new RegExp(`<loc>http://127\\.0\\.0\\.1:\\d+/${slug}</loc>`), slug)
    }
    assert.doesNotMatch(text, /qzcanary-page/)
  })

  test('pages are not in feeds, listings, tags or the archive', async () => {
    for (const pathname of ['/', '/page/2', '/tags', '/tags/fixture-filler', '/archive', '/authors/digital-communications-manager']) {
      const { text } = await get(pathname)
      // The header and footer link pages on every page; the listing is what is inside <main>.
      const main = text.match(/<main[\s\S]*?<\/main>/)?.[0] ?? ''
      assert.match(main, /<h1>/, pathname)
      assert.doesNotMatch(main, /Fixture page|sandpiperfixturepage|Accessibility statement|href="\/about"/, pathname)
    }
    for (const pathname of ['/feed.xml', '/atom.xml', '/feed.json']) {
      assert.doesNotMatch((await get(pathname)).text, /Fixture page|sandpiperfixturepage|Accessibility statement|\/about"/, pathname)
    }
  })

  test('a page has its own card: the site card with its title, 1200×630, versioned and cached for good', async () => {
    const { text } = await get('/fixture-page')
    const image = metaContent(text, 'og:image')
    assert.ok(image)
    const card = new URL(image)
    assert.equal(card.pathname, '/og/pages/fixture-page')
    assert.match(card.searchParams.get('v') ?? '', /^[\w-]{10}$/)
    assert.equal(metaContent(text, 'og:title'), 'Fixture page')
    assert.equal(metaContent(text, 'og:type'), 'website')
    assert.equal(metaContent(text, 'twitter:image'), image)
    const hash = (png: Buffer) => createHash('sha256').update(png).digest('hex')
    const siteCard = metaContent((await get('/')).text, 'og:image')!
    assert.notEqual(hash(await fetchCard(image)), hash(await fetchCard(siteCard)), 'the page title is drawn in place of the site description')
    const child = metaContent((await get('/fixture-page/child')).text, 'og:image')
    assert.equal(new URL(child ?? '').pathname, '/og/pages/fixture-page/child')
    assert.notEqual(child, image)
  })

  test('unknown pages and cards answer 404, and a page cannot shadow a route', async () => {
    for (const pathname of [
      '/no-such-page',
      '/fixture-page/no-such-child',
      '/fixture-page/child/deeper',
      '/404',
      '/posts',
      '/drafts/pages/Bad_Slug',
    ]) {
      const { status, text } = await get(pathname)
      assert.equal(status, 404, pathname)
      assert.match(text, /Page not found/, pathname)
    }
    for (const pathname of ['/og/pages/no-such-page', '/og/pages/qzcanary-page', '/og/pages/%ff']) {
      const { status, text } = await get(pathname)
      assert.equal(status, 404, pathname)
      assert.equal(text, 'Not found', pathname)
    }
  })
})
