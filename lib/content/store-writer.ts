/**
 * Splits Contentlayer's output into the content store the site reads
 * (lib/content/store.ts). Runs in the Contentlayer process after every
 * `contentlayer2 build` and every change under `contentlayer2 dev` (the
 * `onSuccess` hook in contentlayer.config.ts), never in the server.
 *
 *   .contentlayer/store/<id>/index.json          metadata of every post and page, drafts included, and the authors
 *   .contentlayer/store/<id>/posts/<slug>.body.json  compiled MDX and headings, for the post page
 *   .contentlayer/store/<id>/posts/<slug>.html   rendered HTML, for feeds (only posts that can be in one)
 *   .contentlayer/store/<id>/posts/<slug>.txt    plain text, for search snippets
 *   .contentlayer/store/<id>/pages/<slug>.body.json, .txt   the same for pages (a child page's slug encoded)
 *   .contentlayer/store/<id>/<extra files>       e.g. the search index
 *   .contentlayer/store/current.mjs              `export const contentStoreId = '<id>'`
 *
 * <id> fingerprints every file, so a store never changes once written and a
 * build reads exactly the content it was built with.
 */
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { imageKey, type ProcessedImage } from '../images'
import { plainText, slugify, type TocHeading } from '../markdown'
import { isPublished, newestFirst } from './published'
import { partPath, POINTER_FILE, storeRoot } from './store-layout'
import { normalizeOldPath } from '../http'
import { ARCHIVE, archiveYearUrl, authorUrl, contentPageUrl, FEEDS, HOME, postUrl, SEARCH, TAGS, tagUrl } from '../routes'
import type { StoredComment } from './site-data'
import { STORE_FORMAT, type Author, type AuthorDocument, type Page, type PageDocument, type Post, type PostBody, type PostDocument, type StoreIndex } from './types'

export type ExtraFile = { name: string; content: string }

/** A published post or page as a search index takes it: its address is its id. */
export type SearchableDocument = { id: string; title: string; summary: string; tags: readonly string[]; date?: string; text: string }

/** Builds files from the published posts and pages as they stream past (the search index), without keeping them. */
export type ExtraFiles = { add: (document: SearchableDocument) => void; files: () => Iterable<ExtraFile> }

export type WriteStoreOptions = {
  /** The folder holding every store; `.contentlayer/store` under the working directory by default. */
  root?: string
  /** What counts as published for files built ahead, such as the search index. */
  now?: Date
  /** Files derived from the published posts, written into the store beside the index (the search index). */
  extraFiles?: () => ExtraFiles
  /** How many stores to keep, the new one included, for servers still running an older build. */
  keep?: number
  /** A post's compiled MDX to HTML, for feeds (components/mdx/html.tsx); without it no HTML is written. */
  renderHtml?: (post: PostDocument) => string
  /**
   * How many posts a feed carries. HTML is rendered only for posts that can be
   * in a feed before the next build: the newest `feedPosts` published ones and
   * every scheduled one (a feed only ever gains posts newer than those).
   */
  feedPosts?: number
}

/** The pictures the content build made for a post, by src (contentlayer.config.ts's `images` field). */
export function postImageMap(post: Pick<PostDocument, 'images'>): Record<string, ProcessedImage> {
  return (post.images ?? {}) as Record<string, ProcessedImage>
}

export function postMetadata(post: PostDocument): Post {
  const hero = post.image ? postImageMap(post)[imageKey(post.image)] : undefined
  return {
    slug: post.slug,
    title: post.title,
    date: post.date,
    updated: post.updated,
    summary: post.summary,
    tags: [...post.tags],
    author: post.author,
    draft: post.draft === true,
    readingMinutes: post.readingMinutes,
    image: post.image,
    imageAlt: post.imageAlt,
    ...(hero ? { hero } : {}),
    dateNote: post.dateNote,
    ...(post.comments === 'closed' || post.comments === false ? { comments: post.comments as 'closed' | false } : {}),
    ...(post.imagesWithoutAlt ? { imagesWithoutAlt: post.imagesWithoutAlt } : {}),
    lastModified: String(post.lastModified),
    sourceFilePath: post._raw.sourceFilePath,
  }
}

export function pageMetadata(page: PageDocument): Page {
  return {
    slug: page.slug,
    title: page.title,
    summary: page.summary,
    updated: page.updated,
    draft: page.draft === true,
    nav: page.nav,
    lastModified: String(page.lastModified),
    sourceFilePath: page._raw.sourceFilePath,
  }
}

function authorRecord(author: AuthorDocument): Author {
  const { id, name, role, organisation, email, twitter, github } = author
  return { id, name, role, organisation, email, twitter, github, body: { code: author.body.code } }
}

/**
 * Contentlayer's generated documents of one type, read one file at a time:
 * at 10,000 posts its `_index.json` is ~170 MB, and parsing it whole (which
 * is what importing `contentlayer/generated` does) would double the memory of
 * a Contentlayer process that already holds every document. The per-document
 * files are named by `<Type>/_index.mjs`, which lists exactly this build's
 * documents (stale files of deleted posts can linger beside them).
 */
export function* readGeneratedDocuments<T>(generatedDir: string, type: string): Generator<T> {
  const listingFile = path.join(generatedDir, type, '_index.mjs')
  // A type with no documents yet (no pages) may have no listing at all.
  if (!existsSync(listingFile)) return
  const listing = readFileSync(listingFile, 'utf8')
  for (const match of listing.matchAll(/from '\.\/([^']+\.json)'/g)) {
    yield JSON.parse(readFileSync(path.join(generatedDir, type, match[1]), 'utf8')) as T
  }
}

/** The JSON files beside the posts (lib/content/site-data.ts), already checked field by field; `file` names each for errors. */
export type SiteData = {
  comments?: Iterable<{ file: string; slug: string; comments: StoredComment[] }>
  redirects?: Iterable<{ file: string; redirects: { from: string; to: string }[] }>
  imageHosts?: Iterable<string>
}

function invalidFile(file: string, field: string, problem: string): never {
  throw new Error(`Invalid content in content/${file}: field "${field}" ${problem}`)
}

/**
 * Every address a redirect may lead to: the home page, feeds, listings, and
 * each post, page, tag, author and year of the archive that is not a draft.
 */
function knownAddresses(posts: readonly Post[], pages: readonly Page[], authors: readonly Author[]): Set<string> {
  const known = new Set<string>([HOME, ARCHIVE, SEARCH, TAGS, FEEDS.rss, FEEDS.atom, FEEDS.json])
  for (const post of posts) {
    if (post.draft) continue
    known.add(postUrl(post))
    known.add(archiveYearUrl(post.date.slice(0, 4)))
    for (const tag of post.tags) known.add(normalizeOldPath(tagUrl(slugify(tag))))
  }
  for (const page of pages) if (!page.draft) known.add(normalizeOldPath(contentPageUrl(page)))
  for (const author of authors) known.add(authorUrl(author.id))
  return known
}

/** One map of every redirect file; a loop, a chain of two hops or an address that leads nowhere fails the build. */
function redirectMap(files: SiteData['redirects'], known: ReadonlySet<string>): Record<string, string> {
  const map: Record<string, string> = {}
  const where = new Map<string, string>()
  const entries = [...(files ?? [])].flatMap(({ file, redirects }) => redirects.map((entry, index) => ({ file, index, ...entry })))
  for (const { file, index, from, to } of entries) {
    const key = normalizeOldPath(from)
    if (key in map) invalidFile(file, `redirects[${index}].from`, `repeats "${from}", already in content/${where.get(key)}`)
    map[key] = normalizeOldPath(to)
    where.set(key, file)
  }
  for (const { file, index, from, to } of entries) {
    const target = normalizeOldPath(to)
    const bare = target.replace(/\/+$/, '') || '/'
    if (target === normalizeOldPath(from) || bare === normalizeOldPath(from).replace(/\/+$/, '')) invalidFile(file, `redirects[${index}].to`, `leads back to "${from}": a loop`)
    if (target in map || `${bare}/` in map) invalidFile(file, `redirects[${index}].to`, `"${to}" is itself redirected: readers would take two hops (or loop)`)
    if (!known.has(target)) invalidFile(file, `redirects[${index}].to`, `"${to}" is not an address of this site (no published post, page, tag, author or listing there)`)
  }
  return map
}

export function writeContentStore(
  documents: { posts: Iterable<PostDocument>; pages?: Iterable<PageDocument>; authors: Iterable<AuthorDocument> } & SiteData,
  { root = storeRoot(), now = new Date(), extraFiles, keep = 3, renderHtml, feedPosts = 20 }: WriteStoreOptions = {},
): { id: string; dir: string; posts: number; pages: number } {
  mkdirSync(root, { recursive: true })
  const staging = path.join(root, `.staging-${process.pid}-${randomBytes(4).toString('hex')}`)
  // Each file's name and content, in order: the store's id.
  const hash = createHash('sha256')
  const write = (file: string, content: string) => {
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, content)
    hash.update(path.relative(staging, file)).update('\0').update(content).update('\0')
  }
  try {
    const extras = extraFiles?.()
    const posts: Post[] = []
    const html = (slug: string, document: PostDocument) => renderHtml && write(partPath(staging, 'posts', slug, 'html'), renderHtml(document))
    /** A post's or page's compiled MDX with its headings, and its plain text: each in its own file. Returns the text. */
    const bodyAndText = (kind: 'posts' | 'pages', slug: string, document: PostDocument | PageDocument): string => {
      const images = 'images' in document ? postImageMap(document) : {}
      const body: PostBody = { code: document.body.code, headings: document.headings as TocHeading[], ...(Object.keys(images).length ? { images } : {}) }
      const text = plainText(document.body.raw)
      write(partPath(staging, kind, slug, 'body'), JSON.stringify(body))
      write(partPath(staging, kind, slug, 'text'), text)
      return text
    }
    // The newest published posts so far, newest first, with their document until their HTML is rendered.
    const newest: { post: Post; document: PostDocument }[] = []
    const comments = new Map([...(documents.comments ?? [])].map((entry) => [entry.slug, entry]))
    for (const document of documents.posts) {
      const post = postMetadata(document)
      const thread = comments.get(post.slug)
      if (thread) {
        write(partPath(staging, 'posts', post.slug, 'comments'), JSON.stringify(thread.comments))
        comments.delete(post.slug)
        if (thread.comments.length) post.commentCount = thread.comments.length
      }
      const text = bodyAndText('posts', post.slug, document)
      posts.push(post)
      if (post.draft) continue
      if (!isPublished(post, now)) {
        html(post.slug, document)
        continue
      }
      extras?.add({ id: postUrl(post), title: post.title, summary: post.summary, tags: post.tags, date: post.date, text })
      const at = newest.findIndex((other) => newestFirst(post, other.post) < 0)
      if (at !== -1 || newest.length < feedPosts) newest.splice(at === -1 ? newest.length : at, 0, { post, document })
      if (newest.length > feedPosts) newest.pop()
    }
    for (const { post, document } of newest) html(post.slug, document)
    posts.sort(newestFirst)
    // Pages: a body and text each, and into the search index when published (a page has no date, so only `draft` holds it back).
    const pages: Page[] = []
    for (const document of documents.pages ?? []) {
      const page = pageMetadata(document)
      const text = bodyAndText('pages', page.slug, document)
      pages.push(page)
      if (isPublished(page, now)) extras?.add({ id: contentPageUrl(page), title: page.title, summary: page.summary, tags: [], text })
    }
    pages.sort((a, b) => a.slug.localeCompare(b.slug))
    const authors = [...documents.authors].sort((a, b) => a.id.localeCompare(b.id)).map(authorRecord)
    for (const orphan of comments.values()) invalidFile(orphan.file, 'slug (file name)', `names no post: there is no content/posts/${orphan.slug}.mdx`)
    const redirects = redirectMap(documents.redirects, knownAddresses(posts, pages, authors))
    const imageHosts = [...new Set(documents.imageHosts ?? [])].sort()
    const index: StoreIndex = { format: STORE_FORMAT, posts, pages, authors, redirects, imageHosts }
    write(path.join(staging, 'index.json'), JSON.stringify(index))
    for (const extra of extras?.files() ?? []) write(path.join(staging, extra.name), extra.content)

    const id = hash.digest('hex').slice(0, 16)
    const dir = path.join(root, id)
    if (existsSync(dir)) {
      // The same content again: keep the store as it is, but count it as the newest when pruning.
      rmSync(staging, { recursive: true, force: true })
      const touched = new Date()
      utimesSync(dir, touched, touched)
    } else renameSync(staging, dir)
    // Renamed into place, so a server or `next dev` never imports a half-written pointer.
    const pointer = path.join(root, POINTER_FILE)
    const pointerStaging = `${pointer}.${process.pid}.tmp`
    writeFileSync(pointerStaging, `// Written by lib/content/store-writer.ts: the content store this build reads.\nexport const contentStoreId = '${id}'\n`)
    renameSync(pointerStaging, pointer)
    writeFileSync(path.join(root, 'current.d.ts'), 'export declare const contentStoreId: string\n')
    pruneStores(root, id, keep)
    return { id, dir, posts: posts.length, pages: pages.length }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true })
    throw error
  }
}

/** Removes all but the `keep` most recently written stores (the current one always stays), and staging left by a crash. */
function pruneStores(root: string, currentId: string, keep: number): void {
  const entries = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== currentId)
    .map((entry) => ({ name: entry.name, mtime: statSync(path.join(root, entry.name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime)
  const older = entries.filter((entry) => !entry.name.startsWith('.staging-')).slice(Math.max(0, keep - 1))
  const abandoned = entries.filter((entry) => entry.name.startsWith('.staging-') && Date.now() - entry.mtime > 3_600_000)
  for (const entry of [...older, ...abandoned]) rmSync(path.join(root, entry.name), { recursive: true, force: true })
}
