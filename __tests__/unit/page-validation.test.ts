import fs from 'node:fs'
import path from 'node:path'
import { isValidPostSlug, pageSlugFromPath, pageSlugProblem } from '@/lib/markdown'
import { RESERVED_TOP_LEVEL_SEGMENTS } from '@/lib/routes'
import { ROOT } from '@/scripts/lib/process'
import { buildContent, generatedDocuments, reportFor, type ContentBuild } from './contentlayer-build'

function writePage(contentDir: string, file: string, text: string) {
  const target = path.join(contentDir, 'pages', file)
  fs.mkdirSync(path.dirname(target), { recursive: true })
  fs.writeFileSync(target, text)
}

const page = (extra = '', title = 'Fine') => `---\ntitle: "${title}"\nsummary: "A fine page."\n${extra}---\n\nBody.\n`

/** Next's metadata files in app/ and the addresses they answer at. */
const METADATA_FILES: Record<string, string> = { robots: 'robots.txt', sitemap: 'sitemap.xml', manifest: 'manifest.webmanifest' }
/** Files in app/ that shape pages but answer at no address of their own. */
const CONVENTION_FILES = /^(layout|page|template|default|loading|error|global-error|not-found|forbidden|unauthorized|globals)\.(tsx?|jsx?|css)$/

/** The top-level addresses the app/ folder serves, read the way Next reads it. */
function topLevelRoutesIn(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const name = entry.name
    if (entry.isDirectory()) {
      if (/^\(.*\)$/.test(name)) return topLevelRoutesIn(path.join(dir, name))
      if (/^[[_@]/.test(name)) return []
      return [name]
    }
    if (CONVENTION_FILES.test(name)) return []
    const base = name.replace(/\.(tsx?|jsx?)$/, '')
    return [METADATA_FILES[base] ?? name]
  })
}

describe('reserved page slugs', () => {
  test('agree with the routes in app/', () => {
    const routes = topLevelRoutesIn(path.join(ROOT, 'app'))
    expect(routes.length).toBeGreaterThan(10)
    expect(routes.filter((route) => !RESERVED_TOP_LEVEL_SEGMENTS.includes(route))).toEqual([])
    const nextOwn = ['404', '500', '_next', '_not-found', 'favicon.ico']
    expect(RESERVED_TOP_LEVEL_SEGMENTS.filter((segment) => !routes.includes(segment) && !nextOwn.includes(segment))).toEqual([])
  })

  test.each([...RESERVED_TOP_LEVEL_SEGMENTS])('/%s cannot be a page, nor a folder of pages', (segment) => {
    expect(pageSlugProblem(segment)).toBeDefined()
    expect(pageSlugProblem(`${segment}/child`)).toBeDefined()
  })

  test('file paths map to addresses', () => {
    expect(pageSlugFromPath('pages/about.mdx')).toBe('about')
    expect(pageSlugFromPath('pages/about/index.mdx')).toBe('about')
    expect(pageSlugFromPath('pages/services/contact.mdx')).toBe('services/contact')
    expect(pageSlugFromPath('pages/index.mdx')).toBe('')
    expect(pageSlugProblem('')).toMatch(/home page/)
    expect(pageSlugProblem('about-us')).toBeUndefined()
    expect(pageSlugProblem('services/contact')).toBeUndefined()
    expect(pageSlugProblem('posts-and-pages')).toBeUndefined()
  })
})

describe('invalid pages fail the build, naming the file and the field', () => {
  const reserved = RESERVED_TOP_LEVEL_SEGMENTS.filter(isValidPostSlug)
  let build: ContentBuild
  beforeAll(() => {
    build = buildContent((content) => {
      writePage(content, 'fine-page.mdx', page())
      writePage(content, 'no-summary.mdx', '---\ntitle: "No summary"\n---\n\nBody.\n')
      writePage(content, 'empty-title.mdx', page('', '  '))
      writePage(content, 'Bad_Name.mdx', page())
      writePage(content, 'bad-nav.mdx', page('nav: first\n'))
      writePage(content, 'dated.mdx', page('date: 2014-01-01\n'))
      writePage(content, 'index.mdx', page())
      writePage(content, 'twin.mdx', page())
      writePage(content, 'twin/index.mdx', page())
      writePage(content, 'tags/index.mdx', page())
      writePage(content, 'search/help.mdx', page())
      for (const segment of reserved) writePage(content, `${segment}.mdx`, page())
    })
  }, 120_000)
  afterAll(() => fs.rmSync(build.dir, { recursive: true, force: true }))

  test('the build exits non-zero', () => {
    expect(build.status).not.toBe(0)
  })
  test.each([
    ['pages/no-summary.mdx', 'summary'],
    ['pages/empty-title.mdx', 'title'],
    ['pages/Bad_Name.mdx', 'slug (file name)'],
    ['pages/bad-nav.mdx', 'nav'],
    ['pages/dated.mdx', 'date'],
    ['pages/index.mdx', 'home page'],
    ['pages/twin.mdx', 'content/pages/twin/index.mdx'],
    ['pages/twin/index.mdx', 'content/pages/twin.mdx'],
    ['pages/tags/index.mdx', 'the site already serves /tags'],
    ['pages/search/help.mdx', 'the site already serves /search'],
  ])('%s is reported with %s', (file, field) => {
    expect(reportFor(build.output, file)).toContain(field)
  })
  test('a page named after any route the site serves is reported, naming the route', () => {
    for (const segment of reserved) {
      expect(reportFor(build.output, `pages/${segment}.mdx`)).toContain(`the site already serves /${segment}`)
    }
  })
  test('a valid page is not reported', () => {
    expect(build.output).not.toContain('fine-page.mdx')
  })
})

type GeneratedPage = { slug: string; title: string; draft: boolean; nav?: number; updated?: string; headings: unknown[] }

describe('valid pages', () => {
  let build: ContentBuild
  beforeAll(() => {
    build = buildContent((content) => {
      writePage(content, 'about.mdx', page('nav: 1\nupdated: 2026-11-29\n', 'About').replace('Body.', '## Who\n\nSomeone.\n\n## Why\n\nBecause.'))
      writePage(content, 'services/index.mdx', page('nav: 2\n', 'Services'))
      writePage(content, 'services/contact.mdx', page('', 'Contact'))
      writePage(content, 'unfinished.mdx', page('draft: true\n', 'Unfinished'))
    })
  }, 120_000)
  afterAll(() => fs.rmSync(build.dir, { recursive: true, force: true }))

  test('build, with the address, navigation order and draft flag of each', () => {
    expect(build.status).toBe(0)
    const pages = generatedDocuments<GeneratedPage>(build, 'Page').sort((a, b) => a.slug.localeCompare(b.slug))
    expect(pages.map(({ slug, nav, draft }) => ({ slug, nav, draft }))).toEqual([
      { slug: 'about', nav: 1, draft: false },
      { slug: 'services', nav: 2, draft: false },
      { slug: 'services/contact', nav: undefined, draft: false },
      { slug: 'unfinished', nav: undefined, draft: true },
    ])
    const about = pages[0]
    expect(about.updated).toBe('2026-11-29T00:00:00.000Z')
    expect(about.headings).toEqual([
      { depth: 2, text: 'Who', id: 'who' },
      { depth: 2, text: 'Why', id: 'why' },
    ])
    // The search text is made when the content store is written (lib/content/store-writer.ts), for pages as for posts.
    const storeDir = path.join(build.dir, '.contentlayer', 'store')
    const id = /contentStoreId = '([0-9a-f]+)'/.exec(fs.readFileSync(path.join(storeDir, 'current.mjs'), 'utf8'))?.[1]
    expect(fs.readFileSync(path.join(storeDir, id!, 'pages', 'about.txt'), 'utf8')).toContain('Someone.')
    expect(JSON.parse(fs.readFileSync(path.join(storeDir, id!, 'index.json'), 'utf8')).pages.map((p: { slug: string }) => p.slug)).toEqual([
      'about',
      'services',
      'services/contact',
      'unfinished',
    ])
  })
})
