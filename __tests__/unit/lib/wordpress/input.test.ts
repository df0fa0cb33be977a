import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { zipSync } from 'fflate'
import iconv from 'iconv-lite'
import { ExportInputError, parseWxr, planImport, readExport, WxrParseError } from '@/lib/wordpress'
import { ROOT } from '@/scripts/lib/process'

const FIXTURES = path.join(ROOT, '__tests__/fixtures/wordpress')
const TSX = path.join(ROOT, 'node_modules/.bin/tsx')
const CLI = path.join(ROOT, 'scripts/import-wordpress.ts')

const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name))

/** The fixtures' old sites are example.org addresses: no unit test asks the network for their pictures. */
function runCli(args: string[], cwd: string) {
  const result = spawnSync(TSX, [CLI, '--no-download', ...args], { cwd, encoding: 'utf8' })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

function itemsOf(bytes: Uint8Array, name = 'export.xml') {
  return readExport(bytes, name).flatMap((document) => parseWxr(document.xml))
}

function errorOf(action: () => unknown): Error {
  try {
    action()
  } catch (error) {
    return error as Error
  }
  throw new Error('expected an error')
}

describe('encodings', () => {
  it('reads an ISO-8859-1 export as its declaration says', () => {
    const [post] = itemsOf(fixture('latin1.xml'))
    expect(post.title).toBe('Café crème in Saône')
    expect(post.content).toBe('<p>Un café crème coûte 2,50 £ à côté de la gare. ¿Qué más?</p>')
    const plan = planImport([post])
    expect(plan.items[0].tags).toEqual({ cafe: ['Café'] })
  })

  it('reads windows-1252, including the curly quotes Latin-1 does not have', () => {
    const xml = fixture('latin1.xml').toString('latin1').replace('ISO-8859-1', 'windows-1252').replace('Un café', 'It’s “a” café')
    const [post] = itemsOf(iconv.encode(xml, 'windows-1252'))
    expect(post.content).toContain('It’s “a” café crème')
  })

  it('reads UTF-16 with a byte-order mark, and UTF-8 with one', () => {
    const xml = fixture('blocks.xml').toString('utf8').replace('encoding="UTF-8"', 'encoding="UTF-16"')
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(xml, 'utf-16le')])
    expect(itemsOf(utf16).find((item) => item.id === '202')?.title).toBe('Επίπεδο 2')
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixture('blocks.xml')])
    expect(itemsOf(utf8)).toHaveLength(7)
  })

  it('refuses bytes that are not the UTF-8 they claim to be, naming the likely cause', () => {
    const mislabelled = Buffer.from(fixture('latin1.xml').toString('latin1').replace('ISO-8859-1', 'UTF-8'), 'latin1')
    const error = errorOf(() => itemsOf(mislabelled, 'site.xml'))
    expect(error).toBeInstanceOf(ExportInputError)
    expect(error.message).toMatch(
      /^site\.xml is not valid UTF-8, although its XML declaration says UTF-8\. It was probably re-saved in another encoding/,
    )
  })

  it('refuses an encoding it cannot read', () => {
    const xml = fixture('latin1.xml').toString('latin1').replace('ISO-8859-1', 'x-martian')
    expect(() => itemsOf(Buffer.from(xml, 'latin1'), 'site.xml')).toThrow(
      'site.xml declares the encoding "x-martian", which the importer cannot read',
    )
  })
})

describe('files that are not a plain export', () => {
  it('reads a WordPress.com zip, every XML file inside it', () => {
    const zip = zipSync({
      'sandpiper.wordpress.2025-01-01.000.xml': fixture('blocks.xml'),
      'sandpiper.wordpress.2025-01-01.001.xml': fixture('wxr-1.0.xml'),
      '__MACOSX/._sandpiper.wordpress.2025-01-01.000.xml': new Uint8Array([1, 2, 3]),
    })
    const documents = readExport(zip, 'export.zip')
    expect(documents.map((document) => document.name)).toEqual([
      'export.zip:sandpiper.wordpress.2025-01-01.000.xml',
      'export.zip:sandpiper.wordpress.2025-01-01.001.xml',
    ])
    expect(documents.flatMap((document) => parseWxr(document.xml))).toHaveLength(8)
  })

  it('reads a gzipped export', () => {
    expect(itemsOf(gzipSync(fixture('wxr-1.0.xml')), 'export.xml.gz')).toHaveLength(1)
  })

  it('explains an empty file, a file of spaces, a zip without XML and a broken zip', () => {
    expect(() => readExport(new Uint8Array(), 'export.xml')).toThrow(
      'export.xml is empty (0 bytes). Export again from WordPress (Tools → Export → All content)',
    )
    expect(() => readExport(Buffer.from('  \n'), 'export.xml')).toThrow('export.xml holds only white space')
    expect(() => readExport(zipSync({ 'readme.txt': Buffer.from('hi') }), 'export.zip')).toThrow(
      'export.zip is a zip archive with no .xml file inside. WordPress.com exports are zipped WordPress XML files',
    )
    const broken = zipSync({ 'a.xml': fixture('blocks.xml') }).slice(0, 200)
    expect(() => readExport(broken, 'export.zip')).toThrow(/^export\.zip is a zip archive that cannot be opened \(.*\); it may be incomplete/)
  })

  it('says a truncated export looks cut short, with the line', () => {
    const full = fixture('blocks.xml').toString('utf8')
    const error = errorOf(() => parseWxr(full.slice(0, Math.floor(full.length * 0.6))))
    expect(error).toBeInstanceOf(WxrParseError)
    expect(error.message).toMatch(/^Malformed XML at line \d+, column \d+: .*\. The file ends before its closing <\/rss> tag, so it looks truncated/)
  })

  it('refuses an RSS feed, saying it is a feed and not an export', () => {
    expect(() => parseWxr(fixture('feed.xml').toString('utf8'))).toThrow(
      'Not a WordPress export: it is an RSS feed (no <wp:wxr_version> and no <wp:post_type> in its 1 item(s)), not a WordPress export (WXR).',
    )
  })

  it('refuses an Atom feed', () => {
    const atom = '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title><entry><title>A</title></entry></feed>'
    expect(() => parseWxr(atom)).toThrow('Not a WordPress export: it is an Atom feed, not a WordPress export')
  })

  it('reads WXR 1.0 tags (domain="tag") and the domain-less repeats as categories', () => {
    const plan = planImport(itemsOf(fixture('wxr-1.0.xml')))
    expect(plan.items[0].tags).toEqual({ 'council-news': ['Council news'], recycling: ['recycling'], 'bin-days': ['Bin days'] })
  })
})

describe('the import:wordpress command with real files', () => {
  let dir: string
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wp-input-'))
  })
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('exits 1 with a plain message for an empty, a truncated or a feed file, and writes nothing', () => {
    fs.writeFileSync(path.join(dir, 'empty.xml'), '')
    fs.writeFileSync(path.join(dir, 'cut.xml'), fixture('blocks.xml').subarray(0, 5000))
    const empty = runCli(['empty.xml'], dir)
    expect([empty.status, empty.stderr.trim()]).toEqual([1, expect.stringContaining('empty.xml is empty (0 bytes)')])
    const cut = runCli(['cut.xml'], dir)
    expect(cut.status).toBe(1)
    expect(cut.stderr).toContain('looks truncated')
    const feed = runCli([path.join(FIXTURES, 'feed.xml')], dir)
    expect(feed.status).toBe(1)
    expect(feed.stderr).toContain('it is an RSS feed')
    expect(fs.existsSync(path.join(dir, 'content'))).toBe(false)
  })

  it('imports a zip as it is, writes comments, authors and redirects, and reports per post what was dropped', () => {
    fs.writeFileSync(path.join(dir, 'export.zip'), zipSync({ 'site.xml': fixture('blocks.xml') }))
    const run = runCli(['export.zip', '--pages-out', 'pages'], dir)
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('Imported 5 (4 posts, 1 pages):')
    expect(run.stdout).toContain('  "Every block, once" (content/posts/every-block.mdx):\n    - YouTube video embed')
    expect(run.stdout).toContain('    - wp:acme/notice is not a block the importer knows; its content is kept as text')
    expect(run.stdout).toContain('pages/contact.mdx  "Contact us"')
    expect(run.stdout).toContain('Old links with no home 0:')
    expect(run.stdout).toContain('Comments 3 approved, from 1 post(s), written to content/comments/<slug>.json; 2 left out')
    const comments = JSON.parse(fs.readFileSync(path.join(dir, 'content/comments/every-block.json'), 'utf8'))
    expect(comments.comments.map((comment: { id: string }) => comment.id)).toEqual(['wp-11', 'wp-12', 'wp-15'])
    expect(fs.existsSync(path.join(dir, 'wordpress-comments.json'))).toBe(false)
    expect(fs.readFileSync(path.join(dir, 'content/posts/epipedo-2.mdx'), 'utf8')).toContain('title: "Επίπεδο 2"')
    const redirects = JSON.parse(fs.readFileSync(path.join(dir, 'content/redirects/wordpress.json'), 'utf8'))
    expect(redirects.redirects).toEqual(
      expect.arrayContaining([
        { from: '/2024/05/02/every-block/', to: '/posts/every-block' },
        { from: '/?p=200', to: '/posts/every-block' },
        // The attachment page of a picture goes to the post it belongs to.
        { from: '/harbour/', to: '/posts/every-block' },
        { from: '/?attachment_id=101', to: '/posts/every-block' },
      ]),
    )
  })

  it('imports an ISO-8859-1 export without garbling it', () => {
    expect(runCli([path.join(FIXTURES, 'latin1.xml')], dir).status).toBe(0)
    expect(fs.readFileSync(path.join(dir, 'content/posts/cafe-creme.mdx'), 'utf8')).toContain(
      'Un café crème coûte 2,50 £ à côté de la gare. ¿Qué más?',
    )
  })
})
