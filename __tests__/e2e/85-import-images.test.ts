import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import sharp from 'sharp'
import { BIN, ROOT } from '../../scripts/lib/process'

const TSX = path.join(BIN, 'tsx')
const UPLOADS = '/wp-content/uploads/2014/03'

/** A stand-in for the old WordPress site on 127.0.0.1: real images, a 404, a slow answer, an oversized file, a flaky one, a redirect away. */
type OldSite = { server: Server; origin: string; requests: { path: string; userAgent: string }[]; maxInFlight: number }

async function startOldSite(): Promise<OldSite> {
  const photo = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#2266aa' } })
    .jpeg({ quality: 90 })
    .toBuffer()
  const variant = await sharp(photo).resize(300).jpeg().toBuffer()
  const other = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#aa6622' } })
    .jpeg()
    .toBuffer()
  // Distinct pictures (identical bytes would rightly share one bundle file).
  const named: Record<string, Buffer> = {}
  for (const [index, name] of ['quay', 'boats', 'nets', 'gulls', 'pier', 'flaky'].entries()) {
    named[name] = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 40 * index, g: 100, b: 200 - 30 * index } } })
      .jpeg()
      .toBuffer()
  }
  const oversized = Buffer.alloc(2 * 1024 * 1024, 0xff)
  const site: OldSite = { server: undefined as never, origin: '', requests: [], maxInFlight: 0 }
  let inFlight = 0
  let flakyCalls = 0
  const slowTimers = new Set<NodeJS.Timeout>()
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    const pathname = new URL(request.url ?? '/', 'http://x').pathname
    site.requests.push({ path: pathname, userAgent: request.headers['user-agent'] ?? '' })
    inFlight += 1
    site.maxInFlight = Math.max(site.maxInFlight, inFlight)
    response.on('close', () => (inFlight -= 1))
    const send = (status: number, body: Buffer | string, type = 'image/jpeg', headers: Record<string, string> = {}) => {
      // A little latency, so concurrent requests overlap as they would over a network.
      const timer = setTimeout(() => {
        slowTimers.delete(timer)
        response.writeHead(status, { 'content-type': type, ...headers })
        response.end(body)
      }, 30)
      slowTimers.add(timer)
    }
    switch (pathname) {
      case `${UPLOADS}/harbour.jpg`:
        return send(200, photo)
      case `${UPLOADS}/harbour-300x200.jpg`:
        return send(200, variant)
      case `${UPLOADS}/only-small-300x200.jpg`:
        return send(200, variant)
      case `${UPLOADS}/quay.jpg`:
      case `${UPLOADS}/boats.jpg`:
      case `${UPLOADS}/nets.jpg`:
      case `${UPLOADS}/gulls.jpg`:
      case `${UPLOADS}/pier.jpg`:
        return send(200, named[path.basename(pathname, '.jpg')])
      case `${UPLOADS}/slow.jpg`: {
        // Answers after the importer's timeout has passed.
        const timer = setTimeout(() => {
          slowTimers.delete(timer)
          if (!response.destroyed) response.end(other)
        }, 4000)
        slowTimers.add(timer)
        return
      }
      case `${UPLOADS}/huge.jpg`:
        return send(200, oversized, 'image/jpeg')
      case `${UPLOADS}/huge-chunked.jpg`:
        // No Content-Length: the cap must hold while streaming.
        response.writeHead(200, { 'content-type': 'image/jpeg' })
        for (let i = 0; i < 40; i++) response.write(Buffer.alloc(64 * 1024, 0xff))
        return response.end()
      case `${UPLOADS}/flaky.jpg`:
        flakyCalls += 1
        return flakyCalls === 1 ? send(503, 'try again', 'text/plain') : send(200, named.flaky)
      case `${UPLOADS}/away.jpg`:
        return send(302, '', 'text/plain', { location: `http://localhost:${(site.server.address() as AddressInfo).port}${UPLOADS}/quay.jpg` })
      default:
        return send(404, 'not found', 'text/html')
    }
  }
  site.server = createServer(handler)
  site.server.on('close', () => slowTimers.forEach(clearTimeout))
  await new Promise<void>((resolve) => site.server.listen(0, '127.0.0.1', resolve))
  site.origin = `http://127.0.0.1:${(site.server.address() as AddressInfo).port}`
  return site
}

function item(id: number, slug: string, title: string, origin: string, body: string): string {
  return `<item>
<title>${title}</title>
<link>${origin}/2014/03/${String(id).padStart(2, '0')}/${slug}/</link>
<dc:creator><![CDATA[sarah]]></dc:creator>
<content:encoded><![CDATA[${body}]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>${id}</wp:post_id>
<wp:post_date><![CDATA[2014-03-${String(id).padStart(2, '0')} 10:00:00]]></wp:post_date>
<wp:post_date_gmt><![CDATA[2014-03-${String(id).padStart(2, '0')} 10:00:00]]></wp:post_date_gmt>
<wp:post_name><![CDATA[${slug}]]></wp:post_name>
<wp:status><![CDATA[publish]]></wp:status>
<wp:post_type><![CDATA[post]]></wp:post_type>
</item>`
}

function exportXml(origin: string): string {
  const img = (name: string, alt: string) =>
    `<img src="${origin}${UPLOADS}/${name}" alt="${alt}" width="300" height="200" srcset="${origin}${UPLOADS}/${name} 300w" sizes="(max-width: 300px) 100vw, 300px" />`
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Old site</title>
<link>${origin}</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>${origin}</wp:base_site_url>
${item(
  1,
  'harbour-day',
  'Harbour day',
  origin,
  `[caption id="attachment_7" align="alignnone" width="300"]<a href="${origin}${UPLOADS}/harbour.jpg">${img('harbour-300x200.jpg', 'The harbour at noon')}</a> The harbour &#8211; photo by <a href="https://example.org/photographer">Sam</a>[/caption]

${img('only-small-300x200.jpg', 'A small one')}

${img('quay.jpg', 'The quay')} ${img('boats.jpg', 'Boats')} ${img('nets.jpg', 'Nets')} ${img('gulls.jpg', 'Gulls')} ${img('pier.jpg', 'The pier')}

${img('flaky.jpg', 'Flaky')}

${img('missing.jpg', 'Missing')}

${img('slow.jpg', 'Slow')}

${img('huge.jpg', 'Huge')}

${img('huge-chunked.jpg', 'Huge, streamed')}

${img('away.jpg', 'Redirected away')}

<img src="http://localhost:${new URL(origin).port}${UPLOADS}/quay.jpg" alt="Another host" />`,
)}
${item(
  2,
  'all-gone',
  'All gone',
  origin,
  `Words.

${img('missing.jpg', 'Missing')}`,
)}
${item(3, 'no-pictures', 'No pictures', origin, 'Only words here.')}
</channel>
</rss>`
}

function runImporter(args: string[], cwd: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, [path.join(ROOT, 'scripts/import-wordpress.ts'), ...args], { cwd, env: process.env })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('exit', (status) => resolve({ status, output }))
  })
}

describe('WordPress import --download, against an old site on 127.0.0.1', () => {
  let site: OldSite
  let dir: string
  let result: { status: number | null; output: string }

  before(async () => {
    site = await startOldSite()
    dir = fs.mkdtempSync(path.join(tmpdir(), 'sandbank-import-images-'))
    fs.writeFileSync(path.join(dir, 'export.xml'), exportXml(site.origin))
    result = await runImporter(['export.xml', '--out', 'posts', '--download', '--timeout', '1', '--max-image-mb', '1'], dir)
  })
  after(async () => {
    await new Promise((resolve) => site.server.close(resolve))
    site.server.closeAllConnections()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  test('the import succeeds; a post with pictures becomes a bundle with them beside it', () => {
    assert.equal(result.status, 0, result.output)
    const bundle = path.join(dir, 'posts/harbour-day')
    assert.deepEqual(fs.readdirSync(bundle).sort(), [
      'boats.jpg',
      'flaky.jpg',
      'gulls.jpg',
      'harbour.jpg',
      'index.mdx',
      'nets.jpg',
      'only-small-300x200.jpg',
      'pier.jpg',
      'quay.jpg',
    ])
    const mdx = fs.readFileSync(path.join(bundle, 'index.mdx'), 'utf8')
    assert.match(
      mdx,
      /<Figure caption="The harbour – photo by Sam" credit="https:\/\/example.org\/photographer" src="\.\/harbour.jpg" alt="The harbour at noon" \/>/,
    )
    assert.match(mdx, /!\[A small one\]\(\.\/only-small-300x200\.jpg\)/, 'a variant without an original is kept as it is')
    assert.doesNotMatch(mdx, /srcset|sizes=/)
    assert.match(
      mdx,
      new RegExp(`<Figure caption="Missing" credit="${site.origin.replace(/\./g, '\\.')}${UPLOADS}/missing\\.jpg" />`),
      'an upload that answers nowhere becomes its caption, linked to its old address (issue 22)',
    )
  })

  test('the original replaces the size variant', async () => {
    const metadata = await sharp(path.join(dir, 'posts/harbour-day/harbour.jpg')).metadata()
    assert.equal(metadata.width, 1600)
    assert.ok(!site.requests.some((r) => r.path.endsWith('harbour-300x200.jpg')), 'the variant was never needed')
  })

  test('the report lists every image not brought home, with the reason', () => {
    const section = result.output.slice(result.output.indexOf('Images not brought home'))
    assert.match(section, /^Images not brought home 7:/)
    assert.match(section, /missing\.jpg \(HTTP 404; shown as its caption with a link\)/)
    assert.match(section, /slow\.jpg \(no answer within 1 s \(after 3 tries\); shown as its caption with a link\)/)
    assert.match(section, /huge\.jpg \(larger than the 1 MB limit per file; shown as its caption with a link\)/)
    assert.match(section, /huge-chunked\.jpg \(larger than the 1 MB limit per file; shown as its caption with a link\)/)
    assert.match(section, /away\.jpg \(redirected to localhost:\d+, which is not allowed; shown as its caption with a link\)/)
    assert.match(
      section,
      /localhost:\d+\/wp-content\/uploads\/2014\/03\/quay\.jpg \(localhost is not a public address; shown as its caption with a link\)/,
    )
    assert.match(
      section,
      /"All gone": http:\/\/127\.0\.0\.1:\d+\/wp-content\/uploads\/2014\/03\/missing\.jpg \(HTTP 404; shown as its caption with a link\)/,
    )
    // Issue 22: an upload the old site no longer serves is shown as its caption with a link to where it was, never as a broken image.
    assert.match(
      result.output,
      /image http:\/\/127\.0\.0\.1:\d+\/wp-content\/uploads\/2014\/03\/slow\.jpg answers nowhere: shown as its caption with a link to where it was/,
    )
  })

  test('polite and bounded: a few requests at a time, retries with backoff, an honest User-Agent, no other hosts', () => {
    assert.ok(site.maxInFlight <= 4, `at most 4 at once, saw ${site.maxInFlight}`)
    assert.ok(site.maxInFlight >= 2, `requests do overlap (${site.maxInFlight})`)
    assert.equal(site.requests.filter((r) => r.path.endsWith('/slow.jpg')).length, 3, 'the slow file was tried three times')
    assert.equal(site.requests.filter((r) => r.path.endsWith('/flaky.jpg')).length, 2, 'the 503 was retried once and then succeeded')
    assert.equal(
      site.requests.filter((r) => r.path.endsWith('/missing.jpg')).length,
      1,
      'a 404 is not retried, and two posts showing one file fetch it once',
    )
    assert.ok(site.requests.every((r) => /SandbankWordPressImporter\/1\.0/.test(r.userAgent)))
  })

  test('posts whose pictures all failed, or that have none, stay single files; nothing half-written is left', () => {
    const entries = fs.readdirSync(path.join(dir, 'posts')).sort()
    assert.deepEqual(entries, ['all-gone.mdx', 'harbour-day', 'no-pictures.mdx'])
    assert.match(fs.readFileSync(path.join(dir, 'posts/all-gone.mdx'), 'utf8'), /missing\.jpg/)
  })
})

describe('WordPress import --media-dir, from a copy of wp-content/uploads', () => {
  let site: OldSite
  let dir: string

  before(async () => {
    site = await startOldSite()
    dir = fs.mkdtempSync(path.join(tmpdir(), 'sandbank-import-media-dir-'))
    fs.writeFileSync(path.join(dir, 'export.xml'), exportXml(site.origin))
    const uploads = path.join(dir, 'uploads/2014/03')
    fs.mkdirSync(uploads, { recursive: true })
    fs.writeFileSync(
      path.join(uploads, 'harbour.jpg'),
      await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#113355' } })
        .jpeg()
        .toBuffer(),
    )
    fs.writeFileSync(
      path.join(uploads, 'harbour-300x200.jpg'),
      await sharp({ create: { width: 300, height: 200, channels: 3, background: '#113355' } })
        .jpeg()
        .toBuffer(),
    )
  })
  after(async () => {
    await new Promise((resolve) => site.server.close(resolve))
    site.server.closeAllConnections()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  test('a dry run with --download fetches and writes nothing', async () => {
    const dry = await runImporter(['export.xml', '--out', 'posts', '--download', '--dry-run'], dir)
    assert.equal(dry.status, 0, dry.output)
    assert.match(dry.output, /its images would be downloaded/)
    assert.equal(site.requests.length, 0)
    assert.equal(fs.existsSync(path.join(dir, 'posts')), false)
  })

  test('files come from the folder, originals before size variants, with no request to the old site', async () => {
    const run = await runImporter(['export.xml', '--out', 'posts', '--media-dir', 'uploads', '--no-download'], dir)
    assert.equal(run.status, 0, run.output)
    assert.equal(site.requests.length, 0, 'nothing downloaded')
    assert.deepEqual(fs.readdirSync(path.join(dir, 'posts/harbour-day')).sort(), ['harbour.jpg', 'index.mdx'])
    assert.equal((await sharp(path.join(dir, 'posts/harbour-day/harbour.jpg')).metadata()).width, 1600)
    assert.match(run.output, /quay\.jpg \(not in uploads \(2014\/03\/quay\.jpg\); shown as its caption with a link\)/)
    const again = await runImporter(['export.xml', '--out', 'posts', '--media-dir', 'uploads', '--no-download'], dir)
    assert.match(again.output, /posts\/harbour-day already exists \(use --force to overwrite\)/)
  })
})
