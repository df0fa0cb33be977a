/**
 * The document kinds (lib/documents) are the one place a post and a page are
 * described. These tests make the edits docs/architecture.md describes (a new
 * field in COMMON_FIELDS; a new kind in DOCUMENT_KINDS) in a fresh module
 * registry, before anything reads the definitions, and follow one document of
 * each kind through every output: the content build's schema, the metadata
 * index, search (built ahead, and for a post that goes live later), the
 * feeds, the sitemap and the drafts list. An output built from its own copy of
 * the fields would miss the new one, and fail here.
 */
import fs from 'node:fs'
import path from 'node:path'
import { COMMON_FIELDS, documentUrl, page, post, slugFromPath, type DocumentKind, type FieldSpec } from '@/lib/documents'
import { makeAuthorDocument, makePageDocument, makePostDocument, tempDir } from '../fixtures'

type Modules = {
  documents: typeof import('@/lib/documents')
  build: typeof import('@/lib/content/build')
  content: typeof import('@/lib/content/server')
  search: typeof import('@/lib/search')
  searchServer: typeof import('@/lib/search/server')
  seo: typeof import('@/lib/seo')
  drafts: typeof import('@/lib/drafts/server')
}

const now = new Date('2026-06-01T12:00:00Z')
/** The field the test adds, read from any record (the types do not know it: the edit is made at run time). */
const subtitleOf = (record: object | undefined) => (record as { subtitle?: string } | undefined)?.subtitle
const later = new Date('2026-06-10T00:00:00Z')

/**
 * Loads the site's modules afresh, after `edit` has changed the definitions as
 * a developer would, with the content store's pointer giving the id
 * `storeId()` returns once the store is written.
 */
async function loadAfter(edit: () => Promise<void>, storeId: () => string): Promise<Modules> {
  let modules: Modules | undefined
  await jest.isolateModulesAsync(async () => {
    await edit()
    jest.doMock('contentlayer/store', () => ({
      get contentStoreId() {
        return storeId()
      },
    }))
    modules = {
      documents: await import('@/lib/documents'),
      build: await import('@/lib/content/build'),
      content: await import('@/lib/content/server'),
      search: await import('@/lib/search'),
      searchServer: await import('@/lib/search/server'),
      seo: await import('@/lib/seo'),
      drafts: await import('@/lib/drafts/server'),
    }
  })
  return modules!
}

/** Writes a store from these documents into `root`, reading through the loaded modules' own writer and search index. */
function writeStore(modules: Modules, root: string, documents: Parameters<Modules['build']['writeContentStore']>[0]) {
  const added: Record<string, unknown>[] = []
  const store = modules.build.writeContentStore(documents, {
    root: path.join(root, '.contentlayer', 'store'),
    now,
    renderHtml: (document) => `<p>${document.slug}</p>`,
    extraFiles: () => {
      const index = modules.search.searchIndexFiles()
      return { add: (document) => (added.push(document), index.add(document)), files: index.files }
    },
  })
  return { store, added }
}

async function loadedEngine(modules: Modules, dir: string) {
  const { SEARCH_HEADER_FILE, loadSearchEngine, searchTermFile } = modules.search
  const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8')
  return loadSearchEngine(read(SEARCH_HEADER_FILE), async (n) => read(searchTermFile(n)))
}

describe('a field added to COMMON_FIELDS reaches every output of every kind', () => {
  const root = tempDir()
  let storeId = ''
  let modules: Modules
  let added: Record<string, unknown>[]
  let dir: string
  let cwd: jest.SpyInstance

  beforeAll(async () => {
    cwd = jest.spyOn(process, 'cwd').mockReturnValue(root)
    modules = await loadAfter(
      async () => {
        // The one edit: a field on every kind, indexed for search.
        const { COMMON_FIELDS } = await import('@/lib/documents/fields')
        ;(COMMON_FIELDS as Record<string, FieldSpec>).subtitle = {
          type: 'string',
          required: false,
          description: 'A line under the title',
          search: { boost: 3 },
        }
      },
      () => storeId,
    )
    const written = writeStore(modules, root, {
      posts: [
        makePostDocument({ slug: 'live', subtitle: 'Axolotl harbour notes' } as never),
        makePostDocument({ slug: 'soon', date: '2026-06-05T00:00:00.000Z', subtitle: 'Axolotl scheduled' } as never),
      ],
      pages: [makePageDocument({ slug: 'about', subtitle: 'Axolotl about us' } as never)],
      authors: [makeAuthorDocument('digital-communications-manager', 'Ann Author')],
    })
    storeId = written.store.id
    dir = written.store.dir
    added = written.added
  })
  afterAll(() => {
    cwd.mockRestore()
    fs.rmSync(root, { recursive: true, force: true })
  })

  test('the content build asks for it in every kind', () => {
    for (const kind of modules.documents.DOCUMENT_KINDS) {
      const type = modules.build.contentlayerDocumentType(kind, { contentDir: root, pictures: async () => ({}) })
      expect([kind.name, (type.fields as Record<string, { type: string }>).subtitle?.type]).toEqual([kind.name, 'string'])
    }
  })

  test('the metadata index keeps it for every kind', () => {
    const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8'))
    expect(index.posts.map(subtitleOf).sort()).toEqual(['Axolotl harbour notes', 'Axolotl scheduled'])
    expect(index.pages[0].subtitle).toBe('Axolotl about us')
    expect(subtitleOf(modules.content.getPublishedPost('live', now))).toBe('Axolotl harbour notes')
    expect(subtitleOf(modules.content.getPublishedPage('about', now))).toBe('Axolotl about us')
  })

  test('the search documents built ahead carry it, and the index finds them by it', async () => {
    expect(added.map((document) => [document.id, document.subtitle])).toEqual([
      ['/posts/live', 'Axolotl harbour notes'],
      ['/about', 'Axolotl about us'],
    ])
    const engine = await loadedEngine(modules, dir)
    const found = engine.rank([{ term: 'axolotl', prefix: false, fuzzy: 0 }], 10)
    expect(found.matches.map((match) => match.id).sort()).toEqual(['/about', '/posts/live'])
  })

  test('a post that goes live after the build is searched by it too, as its listing shows it', async () => {
    const outcome = await modules.searchServer.searchPublished('axolotl scheduled', { now: later, waitMs: 5_000 })
    expect(outcome.ok && outcome.response.results.map((hit) => hit.url)).toContain('/posts/soon')
  })

  test('the feed entries and the sitemap entries carry it', async () => {
    const entries = await modules.seo.feedEntries(now)
    expect(entries.map((entry) => [entry.slug, subtitleOf(entry)])).toEqual([['live', 'Axolotl harbour notes']])
    const sitemap = modules.seo.sitemapEntries(now).filter((entry) => entry.document)
    expect(sitemap.map((entry) => [new URL(entry.url).pathname, subtitleOf(entry.document)])).toEqual([
      ['/posts/live', 'Axolotl harbour notes'],
      ['/about', 'Axolotl about us'],
    ])
  })
})

describe('a kind added to DOCUMENT_KINDS is built, stored, searched, listed and drafted like the others', () => {
  const root = tempDir()
  let storeId = ''
  let modules: Modules
  let dir: string
  let cwd: jest.SpyInstance
  const note = {
    name: 'Note',
    type: 'note',
    folder: 'notes',
    fields: { ...COMMON_FIELDS, date: post.fields.date },
    nested: false,
    slugProblem: post.slugProblem,
    routes: { page: '/notes/[slug]', card: '/og/notes/[slug]', draft: '/drafts/notes/[slug]' },
    order: 'newest first',
    sitemap: true,
    feed: false,
    shareable: false,
    readingTime: false,
    pictures: false,
  }
  const noteDocument = (slug: string, extra: Record<string, unknown> = {}) =>
    ({ ...makePostDocument({ slug }), _raw: { sourceFilePath: `notes/${slug}.mdx` }, type: 'Note', title: `Note ${slug}`, ...extra }) as never

  beforeAll(async () => {
    cwd = jest.spyOn(process, 'cwd').mockReturnValue(root)
    modules = await loadAfter(
      async () => {
        // The one edit: the new kind's definition, added to the list.
        ;((await import('@/lib/documents/kinds')).DOCUMENT_KINDS as unknown as DocumentKind[]).push(note as unknown as DocumentKind)
      },
      () => storeId,
    )
    const written = writeStore(modules, root, {
      posts: [makePostDocument({ slug: 'live' })],
      notes: [noteDocument('quetzal-note', { summary: 'About quetzals.' }), noteDocument('hidden-note', { draft: true })],
      authors: [makeAuthorDocument('digital-communications-manager', 'Ann Author')],
    } as never)
    storeId = written.store.id
    dir = written.store.dir
  })
  afterAll(() => {
    cwd.mockRestore()
    fs.rmSync(root, { recursive: true, force: true })
  })

  test('the content build defines its type', () => {
    const kind = (modules.documents.DOCUMENT_KINDS as readonly DocumentKind[]).find((candidate) => candidate.folder === 'notes')!
    const type = modules.build.contentlayerDocumentType(kind, { contentDir: root, pictures: async () => ({}) })
    expect([type.name, type.filePathPattern]).toEqual(['Note', 'notes/**/*.mdx'])
  })

  test('the store keeps its metadata and parts, drafts flagged', () => {
    const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8'))
    expect(index.notes.map(({ slug, draft }: { slug: string; draft: boolean }) => [slug, draft]).sort()).toEqual([
      ['hidden-note', true],
      ['quetzal-note', false],
    ])
    expect(fs.existsSync(path.join(dir, 'notes', 'quetzal-note.body.json'))).toBe(true)
  })

  test('search finds its published documents only, at their address', async () => {
    const engine = await loadedEngine(modules, dir)
    expect(engine.ids().sort()).toEqual(['/notes/quetzal-note', '/posts/live'])
    const outcome = await modules.searchServer.searchPublished('quetzals', { now, waitMs: 5_000 })
    expect(outcome.ok && outcome.response.results.map(({ type, url }) => ({ type, url }))).toEqual([{ type: 'note', url: '/notes/quetzal-note' }])
  })

  test('the sitemap lists its published documents, and the drafts list its drafts', () => {
    const urls = modules.seo.sitemapEntries(now).map((entry) => new URL(entry.url).pathname)
    expect(urls).toContain('/notes/quetzal-note')
    expect(urls).not.toContain('/notes/hidden-note')
    expect(modules.drafts.getDraftSummaries(now).map(({ type, url }) => ({ type, url }))).toEqual([
      { type: 'note', url: '/drafts/notes/hidden-note' },
    ])
  })
})

describe('slugs from file paths, for every kind', () => {
  const none = () => false
  test('a post is posts/<slug>.mdx or a bundle posts/<slug>/index.mdx; nothing deeper', () => {
    expect(slugFromPath(post, 'posts/a-post.mdx', none)).toEqual({ slug: 'a-post' })
    expect(slugFromPath(post, 'posts/a-post/index.mdx', none)).toEqual({ slug: 'a-post' })
    expect(slugFromPath(post, 'posts/a-post/extra.mdx', none)).toEqual({
      field: 'slug (file name)',
      problem: 'must be posts/<slug>.mdx or posts/<slug>/index.mdx',
    })
    expect(slugFromPath(post, 'posts/Bad_Name/index.mdx', none)).toEqual({
      field: 'slug (folder name)',
      problem: 'must be lower-case letters, digits and hyphens',
    })
  })
  test('a page in a folder is a child page, and pages/index.mdx would be the home page', () => {
    expect(slugFromPath(page, 'pages/services/contact.mdx', none)).toEqual({ slug: 'services/contact' })
    expect(slugFromPath(page, 'pages/services/index.mdx', none)).toEqual({ slug: 'services' })
    expect(slugFromPath(page, 'pages/index.mdx', none)).toMatchObject({ problem: expect.stringMatching(/home page/) })
  })
  test('a file and a folder of the same name are one address, which neither may take', () => {
    const both = (file: string) => file === 'pages/twin/index.mdx' || file === 'pages/twin.mdx'
    expect(slugFromPath(page, 'pages/twin.mdx', both)).toEqual({ field: 'slug (file name)', problem: 'is also used by content/pages/twin/index.mdx' })
    expect(slugFromPath(page, 'pages/twin/index.mdx', both)).toEqual({ field: 'slug (file name)', problem: 'is also used by content/pages/twin.mdx' })
  })
  test('every kind names its folder, type and routes once', () => {
    const kinds: DocumentKind[] = [post, page]
    expect(
      kinds.map((kind) => [
        kind.folder,
        kind.type,
        documentUrl(kind, 'page', { slug: 'x' }),
        documentUrl(kind, 'card', { slug: 'x' }),
        documentUrl(kind, 'draft', { slug: 'x' }),
      ]),
    ).toEqual([
      ['posts', 'post', '/posts/x', '/og/posts/x', '/drafts/x'],
      ['pages', 'page', '/x', '/og/pages/x', '/drafts/pages/x'],
    ])
  })
})
