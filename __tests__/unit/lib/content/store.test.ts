import fs from 'node:fs'
import fsPromises from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ContentStore } from '@/lib/content/store'
import { partPath, POINTER_FILE } from '@/lib/content/store-layout'
import { writeContentStore } from '@/lib/content/store-writer'
import type { StoreIndex } from '@/lib/content/types'
import { createSearchIndex, loadSearchEngine, saveSearchEngine, SEARCH_HEADER_FILE, searchIndex, searchIndexFiles, searchTermFile } from '@/lib/search'
import { buildContent, builtStoreDir, type ContentBuild } from '../../contentlayer-build'
import { makeAuthorDocument, makePageDocument, makePostDocument } from '../../fixtures'

const now = new Date('2026-06-01T12:00:00Z')
const raw = (text: string) => ({ raw: text, code: `/* compiled: ${text} */` })
const documents = {
  posts: [
    makePostDocument({ slug: 'older', date: '2014-01-20T00:00:00.000Z', tags: ['events'], body: raw('An older post about **zebra** crossings.') }),
    makePostDocument({ slug: 'newer', date: '2014-04-14T00:00:00.000Z', tags: ['events', 'Open Data'], body: raw('A newer post about dashboards.') }),
    makePostDocument({ slug: 'a-draft', draft: true, body: raw('Secret words: quokkadraft.') }),
    makePostDocument({ slug: 'later', date: '2026-06-02T00:00:00.000Z', body: raw('Not yet: wombatscheduled.') }),
  ],
  authors: [makeAuthorDocument('ann', 'Ann Author')],
}
const renderHtml = (post: { body: { code: string } }) => `<p>${post.body.code}</p>`

let root: string
beforeEach(() => {
  root = fs.mkdtempSync(path.join(tmpdir(), 'sandbank-store-'))
})
afterEach(() => {
  jest.restoreAllMocks()
  fs.rmSync(root, { recursive: true, force: true })
})

describe('the content store writer', () => {
  test('writes a metadata index without bodies, and each heavy part of each post in its own file', () => {
    const { dir } = writeContentStore(documents, { root, now, renderHtml })
    const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')) as StoreIndex
    expect(index.posts.map((post) => post.slug)).toEqual(['later', 'newer', 'older', 'a-draft'])
    const newer = index.posts.find((post) => post.slug === 'newer')!
    expect(Object.keys(newer).sort()).toEqual(
      ['comments', 'date', 'draft', 'lang', 'lastModified', 'readingMinutes', 'slug', 'sourceFilePath', 'summary', 'tags', 'title'].sort(),
    )
    // The front matter's `comments` with its default (lib/documents' COMMENTS_FIELD).
    expect(newer.comments).toBe('open')
    // Drafts are in the index (authors preview them), marked as such; what is public is decided when it is read.
    expect(index.posts.find((post) => post.slug === 'a-draft')?.draft).toBe(true)
    expect(index.authors).toEqual([{ id: 'ann', name: 'Ann Author', body: { code: '/* bio of ann */' } }])
    expect(JSON.parse(fs.readFileSync(partPath(dir, 'posts', 'newer', 'body'), 'utf8'))).toEqual({ code: '/* compiled: A newer post about dashboards. */', headings: [] })
    expect(fs.readFileSync(partPath(dir, 'posts', 'newer', 'html'), 'utf8')).toBe('<p>/* compiled: A newer post about dashboards. */</p>')
    expect(fs.readFileSync(partPath(dir, 'posts', 'older', 'text'), 'utf8')).toBe('An older post about zebra crossings.')
  })

  test("keeps each document's language, canonical, and the site's (en-GB) where it names none; and its translation key", () => {
    const { dir } = writeContentStore(
      {
        posts: [makePostDocument({ slug: 'english' }), makePostDocument({ slug: 'welsh', lang: 'CY', translationKey: 'pair' })],
        pages: [makePageDocument({ slug: 'persian', lang: 'fa-ir' })],
        authors: [],
      },
      { root, now },
    )
    const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')) as StoreIndex
    expect(index.posts.map(({ slug, lang, translationKey }) => ({ slug, lang, translationKey }))).toEqual([
      { slug: 'english', lang: 'en-GB', translationKey: undefined },
      { slug: 'welsh', lang: 'cy', translationKey: 'pair' },
    ])
    expect(index.pages.map((page) => page.lang)).toEqual(['fa-IR'])
  })

  test('warns once for each language of its documents that has no interface dictionary', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    const posts = [makePostDocument({ slug: 'one', lang: 'fa' }), makePostDocument({ slug: 'two', lang: 'fa' }), makePostDocument({ slug: 'three', lang: 'cy' })]
    writeContentStore({ posts, authors: [] }, { root, now })
    expect(warn.mock.calls.map(([message]) => String(message)).filter((message) => message.includes('interface dictionary'))).toEqual([
      expect.stringContaining('Language "fa" has no interface dictionary'),
    ])
  })

  test('fails, naming both files and the field, when two translations of one text are in the same language', () => {
    const twins = { posts: [makePostDocument({ slug: 'one', translationKey: 'pair' }), makePostDocument({ slug: 'two', lang: 'en-GB', translationKey: 'pair' })], authors: [] }
    expect(() => writeContentStore(twins, { root, now })).toThrow(/content\/posts\/two\.mdx: field "translationKey" .*posts\/one\.mdx/)
  })

  test("keeps a post's pictures with its body, and only the hero's variants in the metadata index", () => {
    const hero = { name: 'cover', hash: 'aaaaaaaaaaaaaaaa', width: 3000, height: 2000, fallback: 'jpg', widths: [360, 720, 1440] }
    const inline = { name: 'quay', hash: 'bbbbbbbbbbbbbbbb', width: 1200, height: 800, fallback: 'jpg', widths: [360, 720] }
    const withPictures = makePostDocument({ slug: 'pictures', image: './cover.jpg', imageAlt: 'The quay at dawn', images: { 'cover.jpg': hero, 'quay.jpg': inline } })
    const { dir } = writeContentStore({ posts: [withPictures], authors: [] }, { root, now })
    const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')) as StoreIndex
    expect(index.posts[0]).toMatchObject({ image: './cover.jpg', imageAlt: 'The quay at dawn', hero })
    expect(JSON.stringify(index)).not.toContain(inline.hash)
    const body = JSON.parse(fs.readFileSync(partPath(dir, 'posts', 'pictures', 'body'), 'utf8'))
    expect(body.images).toEqual({ 'cover.jpg': hero, 'quay.jpg': inline })
  })

  test('renders feed HTML only for posts that can be in a feed: the newest published and every scheduled one', () => {
    const many = Array.from({ length: 30 }, (_, i) => makePostDocument({ slug: `post-${i}`, date: new Date(Date.UTC(2014, 0, 1 + i)).toISOString() }))
    // Shuffled, as files come: the newest must be found whatever the order.
    const shuffled = [...many.filter((_, i) => i % 2), ...many.filter((_, i) => !(i % 2)).reverse(), ...documents.posts]
    const { dir } = writeContentStore({ posts: shuffled, authors: [] }, { root, now, renderHtml, feedPosts: 5 })
    const withHtml = fs.readdirSync(path.join(dir, 'posts')).filter((file) => file.endsWith('.html')).map((file) => file.replace('.html', ''))
    expect(withHtml.sort()).toEqual(['later', 'newer', 'post-26', 'post-27', 'post-28', 'post-29'])
  })

  test('names the store by its content and points the server at it', () => {
    const first = writeContentStore(documents, { root, now })
    expect(writeContentStore(documents, { root, now }).id).toBe(first.id)
    expect(fs.readFileSync(path.join(root, POINTER_FILE), 'utf8')).toContain(`export const contentStoreId = '${first.id}'`)
    const changed = writeContentStore({ ...documents, posts: [...documents.posts, makePostDocument({ slug: 'another' })] }, { root, now })
    expect(changed.id).not.toBe(first.id)
    expect(fs.readFileSync(path.join(root, POINTER_FILE), 'utf8')).toContain(changed.id)
  })

  test('keeps the newest few stores for servers still running an older build, and removes the rest', () => {
    const ids = [1, 2, 3, 4].map((n) => writeContentStore({ ...documents, posts: documents.posts.slice(0, n) }, { root, now, keep: 2 }).id)
    const left = fs.readdirSync(root).filter((name) => !name.startsWith('current'))
    expect(left.sort()).toEqual(ids.slice(2).sort())
  })

  test('writes pages too: metadata in the index, body and text in files of their own, child pages as one file name', () => {
    const pages = [
      makePageDocument({ slug: 'about', nav: 1, body: { raw: 'About **us**.', code: '/* about */' } }),
      makePageDocument({ slug: 'services/contact', body: { raw: 'Write to us.', code: '/* contact */' } }),
      makePageDocument({ slug: 'unfinished', draft: true }),
    ]
    const { dir } = writeContentStore({ ...documents, pages }, { root, now })
    const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')) as StoreIndex
    expect(index.pages.map(({ slug, nav, draft }) => ({ slug, nav, draft }))).toEqual([
      { slug: 'about', nav: 1, draft: false },
      { slug: 'services/contact', nav: undefined, draft: false },
      { slug: 'unfinished', nav: undefined, draft: true },
    ])
    expect(JSON.parse(fs.readFileSync(partPath(dir, 'pages', 'services/contact', 'body'), 'utf8'))).toEqual({ code: '/* contact */', headings: [] })
    expect(fs.readdirSync(path.join(dir, 'pages'))).toContain('services%2Fcontact.txt')
    expect(fs.readFileSync(partPath(dir, 'pages', 'about', 'text'), 'utf8')).toBe('About us.')
  })

  test('indexes for search only what is published when it is written', async () => {
    const pages = [makePageDocument({ slug: 'about' }), makePageDocument({ slug: 'secret-page', draft: true, body: { raw: 'Hidden: ocelotdraftpage.', code: '' } })]
    const { dir } = writeContentStore({ ...documents, pages }, { root, now, extraFiles: searchIndexFiles })
    const header = fs.readFileSync(path.join(dir, SEARCH_HEADER_FILE), 'utf8')
    const terms = fs.readFileSync(path.join(dir, searchTermFile(0)), 'utf8')
    for (const secret of ['quokkadraft', 'wombatscheduled', 'a-draft', 'later', 'ocelotdraftpage', 'secret-page']) expect(header + terms).not.toContain(secret)
    const engine = await loadSearchEngine(header, async (n) => fs.readFileSync(path.join(dir, searchTermFile(n)), 'utf8'))
    expect(engine.ids().sort()).toEqual(['/about', '/posts/newer', '/posts/older'])
  })
})

describe('reading the store', () => {
  /** The files read (relative to the store root) while `action` runs; the spies call through to the real reads. */
  function readsDuring(action: () => unknown): string[] {
    const sync = jest.spyOn(fs, 'readFileSync')
    const promised = jest.spyOn(fsPromises, 'readFile')
    action()
    const files = [...sync.mock.calls, ...promised.mock.calls].map(([file]) => path.relative(root, String(file)))
    sync.mockRestore()
    promised.mockRestore()
    return files
  }

  test('listings, tags and the archive read the metadata index once and no post body', () => {
    const { dir, id } = writeContentStore(documents, { root, now })
    const store = new ContentStore(dir)
    const reads = readsDuring(() => {
      const published = store.catalog().published(now)
      expect(published.posts.map((post) => post.slug)).toEqual(['newer', 'older'])
      expect(published.tags().map((tag) => tag.slug)).toEqual(['events', 'open-data'])
      expect(published.years().map((year) => year.year)).toEqual(['2014'])
      expect(store.catalog().find('a-draft')?.draft).toBe(true)
      store.catalog().published(now)
    })
    expect(reads).toEqual([path.join(id, 'index.json')])
  })

  test("a post's body is read only when asked for, and only that post's", async () => {
    const { dir, id } = writeContentStore(documents, { root, now })
    const store = new ContentStore(dir)
    store.catalog()
    let body: Promise<string> | undefined
    const reads = readsDuring(() => {
      body = store.readPart('posts', 'newer', 'body')
    })
    expect(reads).toEqual([path.join(id, 'posts', 'newer.body.json')])
    expect(JSON.parse(await body!)).toEqual({ code: '/* compiled: A newer post about dashboards. */', headings: [] })
  })

  test('a missing store says how to make one', () => {
    expect(() => new ContentStore(path.join(root, 'nothing-here')).readIndex()).toThrow(/npm run build/)
  })
})

describe('the search index saved at build time', () => {
  test('loads to an engine that ranks as one built in process', async () => {
    const posts = Array.from({ length: 30 }, (_, i) => ({
      id: `/posts/post-${i}`,
      title: `Post ${i} about ${i % 2 ? 'open data' : 'usability'}`,
      summary: 'A summary.',
      tags: [i % 3 ? 'events' : 'open-data'],
      date: '2014-01-01T00:00:00.000Z',
      text: `Words ${'council dashboard '.repeat(i % 5)} and budget ${i}.`,
    }))
    const built = createSearchIndex(posts)
    const builder = searchIndexFiles()
    for (const post of posts) builder.add(post)
    const files = new Map([...builder.files()].map((file) => [file.name, file.content]))
    const loaded = await loadSearchEngine(files.get(SEARCH_HEADER_FILE)!, async (n) => files.get(searchTermFile(n))!)
    const asLoaded = { ...built, engine: loaded }
    for (const query of ['usability', 'open data', 'dashb', 'counci', 'budget 7']) {
      expect(searchIndex(asLoaded, query)).toEqual(searchIndex(built, query))
    }
  })

  test("converts a term's postings only when a query reaches it, and all of them before MiniSearch's own methods", async () => {
    const posts = Array.from({ length: 20 }, (_, i) => ({
      id: `/posts/post-${i}`,
      title: `Post ${i}`,
      summary: 'A summary.',
      tags: ['events'],
      date: '2014-01-01T00:00:00.000Z',
      text: `Words about ${i % 2 ? 'dashboards' : 'usability'} and budget ${i}.`,
    }))
    const load = async () => {
      const builder = searchIndexFiles()
      for (const post of posts) builder.add(post)
      const files = new Map([...builder.files()].map((file) => [file.name, file.content]))
      return loadSearchEngine(files.get(SEARCH_HEADER_FILE)!, async (n) => files.get(searchTermFile(n))!)
    }
    const loaded = await load()
    const terms = loaded.termCount
    expect(loaded.unconvertedTerms).toBe(terms)
    const built = createSearchIndex(posts)
    expect(searchIndex({ ...built, engine: loaded }, 'usability')).toEqual(searchIndex(built, 'usability'))
    // "usability" reaches itself and its stem; nothing else was converted.
    expect(terms - loaded.unconvertedTerms).toBeGreaterThan(0)
    expect(terms - loaded.unconvertedTerms).toBeLessThanOrEqual(2)

    // A post going live after the build is added by MiniSearch itself, which needs every term converted first.
    const another = await load()
    const live = { id: '/posts/live', title: 'Live', summary: 'Went live.', tags: ['events'], date: '2014-02-01T00:00:00.000Z', text: 'About usability.' }
    another.add(live)
    expect(another.unconvertedTerms).toBe(0)
    const rebuilt = createSearchIndex([...posts, live])
    for (const query of ['usability', 'dashb', 'budget 3', 'events']) {
      expect(searchIndex({ ...rebuilt, engine: another }, query)).toEqual(searchIndex(rebuilt, query))
    }
  })

  test("is MiniSearch's own JSON, its postings flattened, in files of about so many postings", () => {
    const posts = Array.from({ length: 40 }, (_, i) => ({
      id: `/posts/p${i}`,
      title: `Title ${i}`,
      summary: 'Summary.',
      tags: ['t'],
      date: '2014-01-01T00:00:00.000Z',
      text: `word${i} shared text ${'more '.repeat(i % 4)}`,
    }))
    const engine = createSearchIndex(posts).engine
    const files = [...saveSearchEngine(engine, 30)]
    const { termFiles, ...header } = JSON.parse(files.at(-1)!.content)
    expect(termFiles).toBe(files.length - 1)
    const saved = files.slice(0, -1).map((file) => JSON.parse(file.content) as [string, [number, number[]][]][])
    const postings = (term: [string, [number, number[]][]]) => term[1].reduce((sum, [, pairs]) => sum + pairs.length / 2, 0)
    for (const terms of saved) {
      // A file closes once it reaches the limit, so only its last term can take it over.
      expect(terms.slice(0, -1).reduce((sum, term) => sum + postings(term), 0)).toBeLessThan(30)
    }
    const expanded = saved.flat().map(([term, fields]) => [
      term,
      Object.fromEntries(fields.map(([fieldId, pairs]) => [fieldId, Object.fromEntries(pairs.flatMap((value, at) => (at % 2 ? [] : [[value, pairs[at + 1]]])))])),
    ])
    expect({ ...header, index: expanded }).toEqual(JSON.parse(JSON.stringify(engine)))
  })
})

describe('after a real contentlayer2 build', () => {
  let build: ContentBuild
  beforeAll(() => {
    build = buildContent((content) => {
      const post = (title: string, extra = '') => `---\ntitle: "${title}"\ndate: 2014-01-01\nsummary: "A post."\n${extra}---\n\nThe body of ${title}.\n`
      fs.writeFileSync(path.join(content, 'posts', 'kept-post.mdx'), post('Kept'))
      fs.writeFileSync(path.join(content, 'posts', 'drafted-post.mdx'), post('Drafted', 'draft: true\n'))
    })
  }, 120_000)
  afterAll(() => fs.rmSync(build.dir, { recursive: true, force: true }))

  test('the store holds exactly the documents Contentlayer generated, and the pointer names it', () => {
    expect(build.status).toBe(0)
    const store = new ContentStore(builtStoreDir(build))
    expect(store.readIndex().posts.map((post) => [post.slug, post.draft])).toEqual([
      ['drafted-post', true],
      ['kept-post', false],
    ])
    expect(store.readIndex().authors.map((author) => author.id)).toContain('digital-communications-manager')
    expect(store.readPartSync('posts', 'kept-post', 'text')).toBe('The body of Kept.')
    expect(build.output).toMatch(/Wrote the content store \.contentlayer\/store\/[0-9a-f]+ \(2 posts, 0 pages\)/)
  })
})
