import fs from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { parseWxrExport, planImportWithImages, writePost } from '@/lib/wordpress'
import { bundleFileName, isOldSiteImage, originalOf, uploadsFolderSource, uploadsPath } from '@/lib/wordpress/fetch-images'

const SITE = 'https://old.example.org'
const OLD = `${SITE}/wp-content/uploads/2014/03`

let jpeg: Buffer
let smallJpeg: Buffer
let root: string
let uploads: string

beforeAll(async () => {
  jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#2266aa' } })
    .jpeg()
    .toBuffer()
  smallJpeg = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#2266aa' } })
    .jpeg()
    .toBuffer()
  root = fs.mkdtempSync(path.join(tmpdir(), 'sandbank-wp-images-'))
  uploads = path.join(root, 'uploads')
  fs.mkdirSync(path.join(uploads, '2014/03'), { recursive: true })
  fs.writeFileSync(path.join(uploads, '2014/03/camp.jpg'), jpeg)
  fs.writeFileSync(path.join(uploads, '2014/03/camp-300x200.jpg'), smallJpeg)
  fs.writeFileSync(path.join(uploads, '2014/03/map-300x200.png'), await sharp(smallJpeg).png().toBuffer())
  fs.writeFileSync(
    path.join(uploads, '2014/03/cover.jpg'),
    await sharp({ create: { width: 900, height: 600, channels: 3, background: '#aa6622' } })
      .jpeg()
      .toBuffer(),
  )
  fs.writeFileSync(path.join(uploads, '2014/03/page.jpg'), '<html>Not found</html>')
  fs.writeFileSync(path.join(root, 'secret.jpg'), jpeg)
})
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

describe('old-site addresses', () => {
  test('size variants name their original', () => {
    expect(originalOf('/wp-content/uploads/2014/03/camp-300x200.jpg')).toBe('/wp-content/uploads/2014/03/camp.jpg')
    expect(originalOf('/wp-content/uploads/2014/03/camp-1024x683.JPEG')).toBe('/wp-content/uploads/2014/03/camp.JPEG')
    expect(originalOf('/wp-content/uploads/2014/03/camp.jpg')).toBeUndefined()
    expect(originalOf('/wp-content/uploads/2014/03/300x200.jpg')).toBeUndefined()
  })
  test('only the old site, its wordpress.com upload host and its Photon CDN form are fetched', () => {
    const allowed = (href: string, siteHosts = ['old.example.org']) => isOldSiteImage(new URL(href), { siteHosts })
    expect(allowed(`${OLD}/camp.jpg`)).toBe(true)
    expect(allowed('https://www.old.example.org/wp-content/uploads/x.jpg')).toBe(true)
    expect(allowed('https://i2.wp.com/old.example.org/wp-content/uploads/x.jpg')).toBe(true)
    expect(allowed('https://i2.wp.com/evil.example.net/x.jpg')).toBe(false)
    expect(allowed('https://oldblog.files.wordpress.com/2014/03/x.jpg', ['oldblog.wordpress.com'])).toBe(true)
    expect(allowed('https://otherblog.files.wordpress.com/2014/03/x.jpg', ['oldblog.wordpress.com'])).toBe(false)
    expect(allowed('https://old.example.org.evil.net/x.jpg')).toBe(false)
    expect(allowed('https://user:pass@old.example.org/x.jpg')).toBe(false)
    expect(allowed('ftp://old.example.org/x.jpg')).toBe(false)
    expect(isOldSiteImage(new URL('https://cdn.example.net/x.jpg'), { siteHosts: ['old.example.org'], extraHosts: ['cdn.example.net'] })).toBe(true)
  })
  test('the path inside wp-content/uploads, for reading a copy of that folder', () => {
    expect(uploadsPath(new URL(`${OLD}/camp.jpg`))).toBe('2014/03/camp.jpg')
    expect(uploadsPath(new URL('https://i0.wp.com/old.example.org/wp-content/uploads/2014/03/camp.jpg'))).toBe('2014/03/camp.jpg')
    expect(uploadsPath(new URL('https://oldblog.files.wordpress.com/2014/03/camp.jpg'))).toBe('2014/03/camp.jpg')
    expect(uploadsPath(new URL('https://old.example.org/images/camp.jpg'))).toBeUndefined()
  })
  test('bundle file names are tidy and unique', () => {
    const taken = new Set<string>()
    expect(bundleFileName(new URL(`${OLD}/Camp%20Photo.JPEG`), taken)).toBe('camp-photo.jpg')
    expect(bundleFileName(new URL('https://old.example.org/other/camp-photo.jpg'), taken)).toBe('camp-photo-2.jpg')
  })
  test('a copy of wp-content/uploads is read inside it, and nothing outside it', async () => {
    const read = uploadsFolderSource(uploads)
    expect(await read(new URL(`${OLD}/camp.jpg`))).toMatchObject({ ok: true })
    expect(await read(new URL(`${OLD}/missing.jpg`))).toMatchObject({ ok: false })
    expect(await read(new URL(`${SITE}/wp-content/uploads/..%2f..%2fsecret.jpg`))).toMatchObject({ ok: false })
    expect(await read(new URL(`${SITE}/elsewhere/camp.jpg`))).toMatchObject({ ok: false, reason: 'not a wp-content/uploads address' })
  })
})

/** A one-post export whose body is `content`, with a featured image (attachment 9). */
function exportWith(content: string, coverAlt = 'Tables set out in the hall'): string {
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old</title><link>${SITE}</link><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Camp</title><link>${SITE}/2014/03/24/camp/</link><dc:creator>sarah</dc:creator>
<content:encoded><![CDATA[${content}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>1</wp:post_id><wp:post_date>2014-03-24 10:00:00</wp:post_date><wp:post_date_gmt>2014-03-24 10:00:00</wp:post_date_gmt>
<wp:post_name>camp</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>9</wp:meta_value></wp:postmeta></item>
<item><title>cover</title><link>${SITE}/cover/</link><wp:post_id>9</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
<wp:attachment_url>${OLD}/cover.jpg</wp:attachment_url>
<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value><![CDATA[${coverAlt}]]></wp:meta_value></wp:postmeta></item>
</channel></rss>`
}

const BODY = `[caption id="attachment_7" align="aligncenter" width="300"]<a href="${OLD}/camp.jpg"><img class="size-medium wp-image-7" src="${OLD}/camp-300x200.jpg" alt="People at tables with laptops" width="300" height="200" srcset="${OLD}/camp-300x200.jpg 300w, ${OLD}/camp-1024x683.jpg 1024w" sizes="(max-width: 300px) 100vw, 300px" /></a> LocalGovCamp &#8211; photo by <a href="https://www.flickr.com/photos/example/">#ashroplad</a>[/caption]

Some text.

<img src="${OLD}/map-300x200.png" alt="A map of the county" srcset="${OLD}/map-300x200.png 300w" sizes="300px" />

<img src="${OLD}/gone.jpg" alt="Lost" />

<img src="${OLD}/page.jpg" alt="Not a picture" />

<img src="https://elsewhere.example.net/x.jpg" alt="Elsewhere" />`

describe('an import that brings its images home (through the converter’s media seam)', () => {
  test('a post with pictures becomes a bundle; originals replace size variants; srcset goes; caption, credit and the featured image stay', async () => {
    const { items } = await planImportWithImages(parseWxrExport(exportWith(BODY)), { postsDir: 'posts' }, { mediaDir: uploads, extraHosts: [] })
    expect(items).toHaveLength(1)
    const [{ item, files, missing }] = items
    expect(item.path).toBe('posts/camp/index.mdx')
    expect([...files.keys()].sort()).toEqual(['camp.jpg', 'cover.jpg', 'map-300x200.png'])
    expect(files.get('camp.jpg')!.equals(jpeg)).toBe(true)
    expect(item.mdx).toMatch(/^image: "\.\/cover\.jpg"\nimageAlt: "Tables set out in the hall"$/m)
    expect(item.mdx).toMatch(
      /<Figure caption="LocalGovCamp – photo by #ashroplad" credit="https:\/\/www\.flickr\.com\/photos\/example\/" src="\.\/camp\.jpg" alt="People at tables with laptops"/,
    )
    expect(item.mdx).toContain('![A map of the county](./map-300x200.png)')
    expect(item.mdx).toContain(`${OLD}/gone.jpg`)
    expect(item.mdx).not.toMatch(/srcset|sizes=|1024x683/)
    expect(missing).toEqual([
      { url: `${OLD}/gone.jpg`, reason: expect.stringContaining('not in') },
      { url: `${OLD}/page.jpg`, reason: 'the file is not an image' },
      { url: 'https://elsewhere.example.net/x.jpg', reason: 'elsewhere.example.net is not the old site (add it with --media-host to fetch it)' },
    ])
    expect(item.warnings).toContainEqual(expect.stringContaining(`image ${OLD}/gone.jpg was not brought home`))
  })

  test('without --media-dir or --download nothing is fetched, and missing alt texts are marked and named', async () => {
    const { items } = await planImportWithImages(parseWxrExport(exportWith('<img src="' + OLD + '/camp.jpg" />', '')), {}, { extraHosts: [] })
    const [{ item, files }] = items
    expect(files.size).toBe(0)
    expect(item.path).toMatch(/camp\.mdx$/)
    expect(item.mdx).toContain(`![Text alternative missing](${OLD}/camp.jpg)`)
    expect(item.warnings).toContainEqual(expect.stringContaining('had no text alternative in WordPress: marked "Text alternative missing"'))
    expect(item.warnings).toContainEqual(
      'the featured image had no text alternative in WordPress: imageAlt is "Text alternative missing" for you to describe',
    )
  })

  test('a bundle is written whole, replaces an older single file, and leaves no staging folder', () => {
    const posts = path.join(root, 'posts')
    fs.mkdirSync(posts, { recursive: true })
    fs.writeFileSync(path.join(posts, 'camp.mdx'), 'old single file')
    const item = { path: path.join(posts, 'camp/index.mdx'), mdx: '---\ntitle: "Camp"\n---\n\n![Camp](./camp.jpg)\n' }
    writePost(item, new Map([['camp.jpg', jpeg]]))
    expect(fs.readdirSync(posts)).toEqual(['camp'])
    expect(fs.readdirSync(path.join(posts, 'camp')).sort()).toEqual(['camp.jpg', 'index.mdx'])
    expect(fs.readFileSync(path.join(posts, 'camp/index.mdx'), 'utf8')).toBe(item.mdx)
  })
})
