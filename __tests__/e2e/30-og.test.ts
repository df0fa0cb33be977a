import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { describe, test } from 'node:test'
import { CANARY, fetchCard, get, metaContent, SEED_SLUGS, url } from './helpers'

describe('Open Graph cards', () => {
  test('every seed post declares its own card, and the card is a distinct 1200×630 PNG', async () => {
    const hashes = new Set<string>()
    for (const slug of SEED_SLUGS) {
      const { status, text } = await get(`/posts/${slug}`)
      assert.equal(status, 200)
      const image = metaContent(text, 'og:image')
      assert.ok(image, `${slug} declares og:image`)
      const cardUrl = new URL(image)
      assert.equal(cardUrl.origin, new URL(url('/')).origin, 'absolute URL on this site')
      assert.equal(cardUrl.pathname, `/og/posts/${slug}`)
      assert.match(cardUrl.searchParams.get('v') ?? '', /^[\w-]{10}$/, 'versioned')
      assert.equal(metaContent(text, 'og:image:width'), '1200')
      assert.equal(metaContent(text, 'og:image:height'), '630')
      assert.ok(metaContent(text, 'og:image:alt'), 'alt text')
      assert.equal(metaContent(text, 'og:type'), 'article')
      assert.ok(metaContent(text, 'article:published_time'))
      assert.equal(metaContent(text, 'twitter:card'), 'summary_large_image')
      assert.equal(metaContent(text, 'twitter:image'), image)
      hashes.add(
        createHash('sha256')
          .update(await fetchCard(image))
          .digest('hex'),
      )
    }
    assert.equal(hashes.size, SEED_SLUGS.length, 'each post has its own card')
  })

  test('the home page, a tag page and the archive share the site card', async () => {
    const images = new Set<string>()
    for (const pathname of ['/', '/tags/events', '/archive']) {
      const { status, text } = await get(pathname)
      assert.equal(status, 200)
      const image = metaContent(text, 'og:image')
      assert.ok(image, `${pathname} declares og:image`)
      assert.equal(new URL(image).pathname, '/og/site')
      assert.equal(metaContent(text, 'og:image:width'), '1200')
      assert.equal(metaContent(text, 'og:image:height'), '630')
      assert.equal(metaContent(text, 'twitter:card'), 'summary_large_image')
      images.add(image)
    }
    assert.equal(images.size, 1)
    await fetchCard([...images][0])
  })

  test('draft, scheduled and unknown slugs answer a plain 404 that names nothing', async () => {
    for (const slug of ['qzcanary-draft', 'qzcanary-scheduled', 'no-such-post']) {
      const { status, headers, text } = await get(`/og/posts/${slug}`)
      assert.equal(status, 404, slug)
      assert.equal(text, 'Not found', slug)
      assert.match(headers.get('content-type') ?? '', /^text\/plain/, slug)
      assert.ok(!text.toLowerCase().includes(CANARY), slug)
    }
  })

  test('absurd and odd-byte slugs answer 4xx, never 500', async () => {
    const slugs = ['a'.repeat(5000), '%00', '%ff', 'a%ffb', '%c3%28', '..%2f..%2fetc%2fpasswd', '..%2fsite', 'UPPER', 'a--b', '%20']
    for (const slug of slugs) {
      const response = await fetch(url(`/og/posts/${slug}`), { redirect: 'manual' })
      await response.arrayBuffer()
      assert.ok(response.status >= 400 && response.status < 500, `${slug.slice(0, 20)} answered ${response.status}`)
    }
  })
})
