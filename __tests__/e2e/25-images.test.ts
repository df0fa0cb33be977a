import assert from 'node:assert/strict'
import { statSync } from 'node:fs'
import path from 'node:path'
import { before, describe, test } from 'node:test'
import sharp from 'sharp'
import { createShareToken } from '../../lib/auth'
import { PHOTO_POST_SLUG } from '../../scripts/lib/photo-post'
import { get, suiteBrowser, url } from './helpers'

const POST = `/posts/${PHOTO_POST_SLUG}`
const ORIGINALS = path.join(process.env.E2E_WORK_DIR ?? '', 'content/posts', PHOTO_POST_SLUG)

/** The attributes of each <img> (and the <source>s before it) in served HTML. */
function pictures(html: string) {
  return [...html.matchAll(/<picture>(.*?)<\/picture>/g)].map((match) => {
    const attrs = (tag: string) =>
      Object.fromEntries([...tag.matchAll(/([a-zA-Z-]+)="([^"]*)"/g)].map((a) => [a[1].toLowerCase(), a[2].replace(/&amp;/g, '&')]))
    const img = attrs(/<img\b[^>]*>/.exec(match[1])![0])
    const sources = [...match[1].matchAll(/<source\b[^>]*>/g)].map((s) => attrs(s[0]))
    return { img, sources }
  })
}

/** `url width` pairs of a srcset. */
function candidates(srcset: string): { url: string; width: number }[] {
  return srcset.split(', ').map((entry) => {
    const [address, width] = entry.trim().split(/\s+/)
    return { url: address, width: Number(width.replace(/w$/, '')) }
  })
}

let html: string
before(async () => {
  const page = await get(POST)
  assert.equal(page.status, 200)
  html = page.text
})

describe('a bundle post with large photos', () => {
  test('every picture has alt, width, height, an AVIF and a JPEG srcset and the column sizes', () => {
    const found = pictures(html)
    assert.equal(found.length, 3, 'the hero, the markdown image and the Figure')
    for (const { img, sources } of found) {
      assert.ok(img.alt && img.alt.length > 10, `alt text: ${img.alt}`)
      assert.equal(img.width, '3000')
      assert.equal(img.height, '2000')
      assert.equal(img.sizes, '(min-width: 44rem) 42rem, calc(100vw - 2rem)')
      assert.deepEqual(
        candidates(img.srcset).map((c) => c.width),
        [360, 540, 720, 1080, 1440],
      )
      assert.match(img.src, /-720\.jpg$/)
      assert.equal(sources.length, 1)
      assert.equal(sources[0].type, 'image/avif')
      assert.deepEqual(
        candidates(sources[0].srcset).map((c) => c.width),
        [360, 540, 720, 1080, 1440],
      )
    }
    const [hero, ...rest] = found
    assert.equal(hero.img.fetchpriority, 'high', 'the hero is fetched first')
    assert.equal(hero.img.loading, undefined, 'and not lazily')
    for (const { img } of rest) assert.equal(img.loading, 'lazy')
    assert.match(html, /<figcaption>The moorings at dusk(<!-- -->)? – <a href="https:\/\/example.org\/harbour">/)
  })

  test('a ~720w AVIF candidate comes back as AVIF, a small fraction of the original, cached for good', async () => {
    const avif = candidates(pictures(html)[1].sources[0].srcset).find((c) => c.width === 720)!
    const response = await fetch(url(avif.url), { headers: { accept: 'image/avif,image/webp,*/*' } })
    assert.equal(response.status, 200)
    assert.equal(response.headers.get('content-type'), 'image/avif')
    assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable')
    const bytes = (await response.arrayBuffer()).byteLength
    const original = statSync(path.join(ORIGINALS, 'quay.jpg')).size
    assert.ok(original > 1_000_000, `the original is camera-sized (${original} bytes)`)
    assert.ok(bytes < original / 10, `${bytes} bytes served for a ${original}-byte original`)
    assert.equal(
      Buffer.from(await (await fetch(url(avif.url))).arrayBuffer())
        .subarray(4, 12)
        .toString('latin1'),
      'ftypavif',
    )
  })

  test('the JPEG fallback is a JPEG', async () => {
    const jpeg = candidates(pictures(html)[0].img.srcset).find((c) => c.width === 1080)!
    const response = await fetch(url(jpeg.url))
    assert.equal(response.status, 200)
    assert.equal(response.headers.get('content-type'), 'image/jpeg')
  })

  test('widths, formats, files and posts that were not generated are refused; nothing resizes on request', async () => {
    const avif = candidates(pictures(html)[1].sources[0].srcset).find((c) => c.width === 720)!.url
    const base = avif.slice(0, avif.lastIndexOf('/') + 1)
    const name = avif.slice(avif.lastIndexOf('/') + 1)
    const refused = [
      base + name.replace('-720.', '-800.'),
      base + name.replace('-720.', '-99999.'),
      base + name.replace('-720.', '-0720.'),
      base + name.replace('.avif', '.webp'),
      base + name.replace('.avif', '.png'),
      base + name.replace(/-[0-9a-f]{16}-/, '-0000000000000000-'),
      base + '..%2f..%2f..%2fpackage.json',
      base + '%2e%2e/%2e%2e/package.json',
      base + 'cover.jpg',
      `${POST}/cover.jpg`,
      `/posts/shifting-digital-sands/images/${name}`,
      `/posts/no-such-post/images/${name}`,
      `/_next/image?url=${encodeURIComponent(avif)}&w=640&q=75`,
      `/_next/image?url=${encodeURIComponent('https://example.org/x.jpg')}&w=640&q=75`,
      `/_next/image?url=%2Fetc%2Fpasswd&w=123&q=1`,
    ]
    for (const pathname of refused) {
      const response = await fetch(url(pathname), { redirect: 'manual' })
      assert.ok(response.status >= 400 && response.status < 500, `${pathname} answered ${response.status}`)
      assert.doesNotMatch(response.headers.get('content-type') ?? '', /^image\//, pathname)
    }
  })

  test('the hero is the JSON-LD image, and the post card draws it', async () => {
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)![1])
    assert.ok(Array.isArray(jsonLd.image), 'hero and card')
    assert.match(jsonLd.image[0], new RegExp(`^http://127\\.0\\.0\\.1:\\d+${POST}/images/cover-[0-9a-f]{16}-1440\\.jpg$`))
    const hero = await fetch(jsonLd.image[0])
    assert.equal(hero.status, 200)
    assert.match(jsonLd.image[1], /\/og\/posts\/harbour-photos\?v=/)
    const card = await fetch(jsonLd.image[1])
    assert.equal(card.status, 200)
    assert.equal(card.headers.get('content-type'), 'image/jpeg', 'a card with a photo is a JPEG')
    const bytes = Buffer.from(await card.arrayBuffer())
    assert.ok(bytes.byteLength < 300_000, `small enough for chat-app previews (${bytes.byteLength} bytes)`)
    const { width, height } = await sharp(bytes).metadata()
    assert.deepEqual([width, height], [1200, 630])
    // The right 480 px show the photo: many colours there, where a text-only card is flat white.
    const { channels } = await sharp(bytes).extract({ left: 760, top: 150, width: 400, height: 400 }).stats()
    assert.ok(
      channels.every((channel) => channel.stdev > 10),
      'the photo is drawn in',
    )
    assert.match(html, /<meta property="og:image:type" content="image\/jpeg"\/>/)
  })

  test('feeds carry absolute image addresses at 1080 px, which load', async () => {
    for (const feed of ['/feed.xml', '/atom.xml', '/feed.json']) {
      const { text } = await get(feed)
      const address = new RegExp(`(http://127\\.0\\.0\\.1:\\d+${POST}/images/quay-[0-9a-f]{16}-1080\\.jpg)`).exec(text)
      assert.ok(address, `${feed} has the photo's absolute address`)
      assert.doesNotMatch(text, /src=\\?"\.\//, `${feed} has no relative image address`)
      const image = await fetch(address[1])
      assert.equal(image.status, 200)
      assert.equal(image.headers.get('content-type'), 'image/jpeg')
    }
  })
})

describe('a draft’s pictures are as private as the draft', () => {
  const draftPicture = async (query = '') => {
    const secret = process.env.NEXTAUTH_SECRET!
    const token = createShareToken('qzcanary-draft', new Date(Date.now() + 60_000), secret)
    const page = await get(`/drafts/qzcanary-draft?share=${encodeURIComponent(token)}`)
    assert.equal(page.status, 200)
    const img = pictures(page.text)[0].img
    assert.match(img.src, /^\/drafts\/qzcanary-draft\/images\/qzcanary-photo-[0-9a-f]{16}-720\.jpg\?share=/, 'the reviewer’s token rides along')
    return { withToken: img.src, withoutToken: img.src.replace(/\?.*$/, '') + query }
  }

  test('a share-link reviewer gets them, privately cached; nobody else does', async () => {
    const { withToken, withoutToken } = await draftPicture()
    const shared = await fetch(url(withToken))
    assert.equal(shared.status, 200)
    assert.equal(shared.headers.get('content-type'), 'image/jpeg')
    assert.match(shared.headers.get('cache-control') ?? '', /private/)
    assert.match(shared.headers.get('cache-control') ?? '', /no-store/)
    for (const pathname of [withoutToken, withoutToken + '?share=garbage', withoutToken.replace('/drafts/', '/posts/')]) {
      const response = await fetch(url(pathname), { redirect: 'manual' })
      assert.equal(response.status, 404, pathname)
    }
  })
})

describe('in a browser', () => {
  const browser = suiteBrowser()

  for (const javaScriptEnabled of [true, false]) {
    test(`a 390 px, 2× phone ${javaScriptEnabled ? 'with' : 'without'} JavaScript loads the 720 w AVIF, with no layout shift`, async () => {
      const context = await browser().newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, javaScriptEnabled })
      const page = await context.newPage()
      const images: string[] = []
      page.on('response', (response) => {
        if (response.request().resourceType() === 'image') images.push(new URL(response.url()).pathname)
      })
      await page.goto(url(POST), { waitUntil: 'load' })
      const hero = await page.locator('.post-hero img').evaluate((img: HTMLImageElement) => ({
        currentSrc: img.currentSrc,
        complete: img.complete,
        renderedWidth: img.getBoundingClientRect().width,
        renderedHeight: img.getBoundingClientRect().height,
      }))
      assert.match(hero.currentSrc, /cover-[0-9a-f]{16}-720\.avif$/)
      assert.ok(hero.complete)
      // `sizes` says 100vw less the 2rem gutters (358 px): never smaller than the drawn width, or the browser would pick too small a file.
      assert.ok(hero.renderedWidth > 340 && hero.renderedWidth <= 358, `drawn ${hero.renderedWidth} px wide`)
      assert.ok(Math.abs(hero.renderedHeight - (hero.renderedWidth * 2000) / 3000) < 1, 'drawn at its own aspect ratio')
      assert.ok(!images.some((pathname) => pathname.endsWith('.jpg')), `no JPEG fetched by a browser that takes AVIF: ${images}`)
      if (javaScriptEnabled) {
        const shift = await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              let total = 0
              new PerformanceObserver((list) => {
                for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
                  if (!entry.hadRecentInput) total += entry.value
              }).observe({ type: 'layout-shift', buffered: true })
              setTimeout(() => resolve(total), 500)
            }),
        )
        assert.equal(shift, 0, 'cumulative layout shift')
      }
      await context.close()
    })
  }
})
