import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { parseWxr, readExport } from '@/lib/wordpress'
import { ROOT } from '@/scripts/lib/process'
import { buildContent, generatedDocuments, generatedPosts } from '../../contentlayer-build'

/**
 * WordPress's Theme Unit Test export (theme-unit-test-data.xml from the
 * wordpress-importer repository's phpunit/data/, GPL-2.0) is not stored in
 * this repository. Point WP_THEME_UNIT_TEST_XML at a copy to run this test.
 */
const EXPORT = process.env.WP_THEME_UNIT_TEST_XML
const TSX = path.join(ROOT, 'node_modules/.bin/tsx')
const CLI = path.join(ROOT, 'scripts/import-wordpress.ts')

const describeWithExport = EXPORT ? describe : describe.skip
if (!EXPORT) {
  console.info(
    'Skipping the Theme Unit Test import: set WP_THEME_UNIT_TEST_XML to a copy of theme-unit-test-data.xml ' +
      '(wordpress-importer repository, phpunit/data/) to run it.',
  )
}

/** Every file below a folder, child pages' folders included. */
function filesBelow(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? filesBelow(full) : [full]
  })
}

/** Markdown outside fenced code: a code block may show `<!--` as text. */
function outsideCode(mdx: string): string {
  return mdx.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '')
}

describeWithExport('the WordPress Theme Unit Test export', () => {
  let build: ReturnType<typeof buildContent>
  let report = ''
  let status: number | null = null
  const postsAndPages = EXPORT
    ? readExport(fs.readFileSync(EXPORT), EXPORT)
        .flatMap((document) => parseWxr(document.xml))
        .filter((item) => (item.postType === 'post' || item.postType === 'page') && item.status !== 'trash' && item.status !== 'auto-draft')
    : []

  beforeAll(() => {
    build = buildContent((content) => {
      // Pages go to content/pages, beside the posts, as pages (child pages in their parents' folders).
      const run = spawnSync(TSX, [CLI, EXPORT!, '--out', path.join(content, 'posts'), '--no-download'], {
        cwd: content,
        encoding: 'utf8',
      })
      status = run.status
      report = run.stdout + run.stderr
    })
  }, 300_000)

  afterAll(() => {
    if (build) fs.rmSync(build.dir, { recursive: true, force: true })
  })

  /** A post's file, or a page's wherever its parents put it. */
  const file = (slug: string) => {
    const found = [...filesBelow(path.join(build.contentDir, 'posts')), ...filesBelow(path.join(build.contentDir, 'pages'))].find(
      (name) => path.basename(name) === `${slug}.mdx`,
    )
    if (!found) throw new Error(`no imported file ${slug}.mdx`)
    return fs.readFileSync(found, 'utf8')
  }

  it('imports every post and page, and the import exits 0', () => {
    expect(status).toBe(0)
    expect(report).toContain(`Imported ${postsAndPages.length} (`)
    expect(report).not.toContain('Not written')
    expect(postsAndPages.length).toBeGreaterThanOrEqual(79)
  })

  it('builds every imported file with the real Contentlayer', () => {
    expect({ status: build.status, output: build.output }).toEqual({ status: 0, output: expect.stringContaining('Generated') })
    const pages = postsAndPages.filter((item) => item.postType === 'page').length
    expect(generatedPosts(build)).toHaveLength(postsAndPages.length - pages)
    expect(generatedDocuments(build, 'Page')).toHaveLength(pages)
  })

  it('leaves no HTML comment or CDATA section outside code', () => {
    const files = [...filesBelow(path.join(build.contentDir, 'posts')), ...filesBelow(path.join(build.contentDir, 'pages'))]
    expect(files.length).toBe(postsAndPages.length)
    const offending = files.filter((file) => /<!--|<!\[CDATA\[/.test(outsideCode(fs.readFileSync(file, 'utf8'))))
    expect(offending).toEqual([])
  })

  it('turns the named posts’ tables, galleries, embeds and code into the right constructs', () => {
    const formatting = file('blocks-formatting')
    expect(formatting).toContain('<table><tbody><tr><td>{"The table block"}</td><td>{"This is the default style."}</td></tr>')
    expect(formatting).toContain("```\nThe code block starts with\n<!-- wp:code -->\n<?php echo 'Hello World'; ?>\n```")
    expect(formatting).toContain('> The pull quote can be aligned or wide or neither.\n>\n> — Theme Reviewer')
    expect(formatting).not.toMatch(/caption="abcd|Photo not preserved/)

    const gallery = file('block-gallery')
    expect((gallery.match(/^<Figure caption=/gm) ?? []).length).toBeGreaterThan(10)
    expect(gallery).not.toMatch(/caption="Image"/)

    const embeds = file('blocks-embeds')
    expect(embeds).toContain('[YouTube video](https://youtu.be/ex8fMxXJDJw)')
    expect(embeds).toContain('[Twitter post: Twitter, wide width](https://twitter.com/WordPress/status/1057136472321613824)')

    const media = file('media-category-blocks')
    expect(media).toContain('[Audio: Armstrong_Small_Step.ogg](https://upload.wikimedia.org/wikipedia/commons/d/dd/Armstrong_Small_Step.ogg)')

    // The classic [gallery] shortcode is drawn from the export's attachments.
    expect((file('post-format-gallery').match(/^<Figure caption=|^!\[/gm) ?? []).length).toBeGreaterThan(5)
    expect(file('post-format-video-youtube')).toContain('[YouTube video](https://www.youtube.com/watch?v=SQEQr7c0-dw)')
    expect(file('markup-html-tags-and-formatting')).toContain('E = MC<sup>2</sup>')
    expect(file('markup-title-with-markup')).toContain('title: "Markup: Title With Markup"')
  })

  it('gives the Greek pages transliterated slugs and exports the comments', () => {
    expect(file('epipedo-2')).toContain('title: "Επίπεδο 2 -Second Greek level"')
    expect(report).toMatch(/\nComments \d+ approved/)
    const comments = JSON.parse(fs.readFileSync(path.join(build.contentDir, '..', 'comments.json'), 'utf8'))
    expect(comments.posts.length).toBeGreaterThan(3)
  })
})
