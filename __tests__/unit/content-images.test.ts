import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { partPath } from '@/lib/content/build'
import { buildContent, builtStoreDir, generatedPosts, type ContentBuild } from './contentlayer-build'

const front = (title: string, extra = '') => `---\ntitle: "${title}"\ndate: 2014-01-01\nsummary: "A post with pictures."\n${extra}---\n\n`

async function photo(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#4477aa' } })
    .jpeg({ quality: 90 })
    .toBuffer()
}

function write(contentDir: string, file: string, data: string | Buffer) {
  fs.mkdirSync(path.dirname(path.join(contentDir, file)), { recursive: true })
  fs.writeFileSync(path.join(contentDir, file), data)
}

/** Contentlayer's line about one file: `• "posts/x.mdx" failed with Error: …`. */
function reportFor(output: string, file: string): string {
  return output.split('\n').find((line) => line.includes(`"${file}" failed`)) ?? ''
}

describe('pictures in content: build errors name the file', () => {
  let build: ContentBuild
  beforeAll(async () => {
    const jpeg = await photo(1600, 1000)
    build = buildContent((content) => {
      write(content, 'posts/fine-bundle/index.mdx', front('Fine bundle') + '![A harbour](./harbour.jpg)\n')
      write(content, 'posts/fine-bundle/harbour.jpg', jpeg)
      write(content, 'posts/missing-image/index.mdx', front('Missing') + '![A boat](./boat.jpg)\n')
      write(content, 'posts/no-alt/index.mdx', front('No alt') + '![](./harbour.jpg)\n')
      write(content, 'posts/no-alt/harbour.jpg', jpeg)
      write(content, 'posts/figure-no-alt.mdx', front('Figure no alt') + '<Figure src="/images/x.jpg" caption="A caption" />\n')
      write(content, 'posts/hero-no-alt/index.mdx', front('Hero no alt', 'image: ./harbour.jpg\n') + 'Body.\n')
      write(content, 'posts/hero-no-alt/harbour.jpg', jpeg)
      write(content, 'posts/hero-missing.mdx', front('Hero missing', 'image: ./gone.jpg\nimageAlt: "Gone"\n') + 'Body.\n')
      write(content, 'posts/raw-img.mdx', front('Raw img') + '<img src="/images/x.jpg" alt="x" />\n')
      write(content, 'posts/clash.mdx', front('Clash') + 'One.\n')
      write(content, 'posts/clash/index.mdx', front('Clash again') + 'Two.\n')
      write(content, 'posts/fine-bundle/extra.mdx', front('Extra') + 'A second file in a bundle.\n')
    })
  }, 180_000)
  afterAll(() => fs.rmSync(build.dir, { recursive: true, force: true }))

  test('the build exits non-zero', () => {
    expect(build.status).not.toBe(0)
  })
  test.each([
    ['posts/missing-image/index.mdx', '"./boat.jpg" does not exist'],
    ['posts/no-alt/index.mdx', 'has no alt text'],
    ['posts/figure-no-alt.mdx', '"/images/x.jpg" (line 7) has no alt text'],
    ['posts/hero-no-alt/index.mdx', 'field "imageAlt" is required'],
    ['posts/hero-missing.mdx', 'field "image" "./gone.jpg" does not exist'],
    ['posts/raw-img.mdx', 'not <img>'],
    ['posts/clash.mdx', 'is also used by content/posts/clash/index.mdx'],
    ['posts/fine-bundle/extra.mdx', 'must be posts/<slug>.mdx or posts/<slug>/index.mdx'],
  ])('%s: %s', (file, message) => {
    expect(reportFor(build.output, file)).toContain(message)
  })
  test('the good bundle is not reported', () => {
    expect(build.output).not.toContain('fine-bundle/index.mdx')
  })
})

describe('a bundle post builds with its pictures', () => {
  let build: ContentBuild
  type Generated = {
    slug: string
    images: Record<string, { hash: string; width: number; height: number; widths: number[]; fallback: string }>
  }
  beforeAll(async () => {
    const large = await photo(3000, 2000)
    const small = await photo(300, 200)
    const transparent = await sharp({ create: { width: 800, height: 400, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } } })
      .png()
      .toBuffer()
    build = buildContent((content) => {
      write(
        content,
        'posts/harbour-day/index.mdx',
        front('Harbour day', 'image: ./cover.jpg\nimageAlt: "The harbour from the hill"\n') +
          '![Boats at the quay](./quay.jpg)\n\n<Figure src="small.jpg" alt="A small one" caption="Small" credit="https://example.org/" />\n\n<Figure src="./overlay.png" decorative caption="Decoration" />\n\n![Remote](https://elsewhere.example.org/x.jpg)\n',
      )
      write(content, 'posts/harbour-day/cover.jpg', large)
      write(content, 'posts/harbour-day/quay.jpg', large)
      write(content, 'posts/harbour-day/small.jpg', small)
      write(content, 'posts/harbour-day/overlay.png', transparent)
      write(content, 'posts/plain-post.mdx', front('Plain post') + 'No pictures.\n')
      // An import whose featured image stayed on the old site: it builds, with the CSP warning.
      write(content, 'posts/remote-hero.mdx', front('Remote hero', 'image: https://old.example.org/cover.jpg\nimageAlt: "A cover"\n') + 'Body.\n')
    })
  }, 180_000)
  afterAll(() => fs.rmSync(build.dir, { recursive: true, force: true }))

  test('builds, slug from the folder, warns about the remote host the CSP blocks', () => {
    expect(build.status).toBe(0)
    expect(build.output).toContain(
      'content/posts/harbour-day/index.mdx: image https://elsewhere.example.org/x.jpg is on a host neither IMAGE_REMOTE_HOSTS nor content/image-hosts lists',
    )
    const slugs = generatedPosts<Generated>(build).map((post) => post.slug)
    expect(slugs.sort()).toEqual(['harbour-day', 'plain-post', 'remote-hero'])
    expect(build.output).toContain(
      'content/posts/remote-hero.mdx: image https://old.example.org/cover.jpg is on a host neither IMAGE_REMOTE_HOSTS nor content/image-hosts lists',
    )
  })
  test('every local picture is measured and its variants are in the store', () => {
    const post = generatedPosts<Generated>(build).find((p) => p.slug === 'harbour-day')!
    expect(Object.keys(post.images).sort()).toEqual(['cover.jpg', 'overlay.png', 'quay.jpg', 'small.jpg'])
    expect(post.images['quay.jpg']).toMatchObject({ width: 3000, height: 2000, fallback: 'jpg', widths: [360, 540, 720, 1080, 1440] })
    expect(post.images['small.jpg']).toMatchObject({ width: 300, height: 200, widths: [300] })
    expect(post.images['overlay.png']).toMatchObject({ fallback: 'png', widths: [360, 540, 720, 800] })
    // Same bytes, same hash: the cover and the quay photo share their files.
    expect(post.images['cover.jpg'].hash).toBe(post.images['quay.jpg'].hash)
    for (const image of Object.values(post.images)) {
      for (const width of image.widths) {
        for (const format of ['avif', image.fallback]) {
          expect(fs.existsSync(path.join(build.dir, '.images', image.hash, `${width}.${format}`))).toBe(true)
        }
      }
    }
  })
  test('feed HTML has absolute addresses at a readable size, with width and height', () => {
    const post = generatedPosts<Generated>(build).find((p) => p.slug === 'harbour-day')!
    const hash = post.images['quay.jpg'].hash
    // The content store's writer renders feed HTML (lib/content/store-writer.ts).
    const html = fs.readFileSync(partPath(builtStoreDir(build), 'posts', 'harbour-day', 'html'), 'utf8')
    expect(html).toContain(
      `<img src="http://localhost:3000/posts/harbour-day/images/quay-${hash}-1080.jpg" alt="Boats at the quay" width="1080" height="720"`,
    )
    expect(html).toMatch(/<img src="http:\/\/localhost:3000\/posts\/harbour-day\/images\/overlay-[0-9a-f]{16}-800\.png" alt=""/)
    expect(html).not.toMatch(/src="\.\//)
  })
})
