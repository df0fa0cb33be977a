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
import {
  commentsFile,
  commentsOwner,
  comparatorOf,
  DOCUMENT_KINDS,
  documentUrl,
  isPublished,
  searchListing,
  storedValue,
  type AnyDocumentKind,
  type StoreContext,
  type DocumentBody,
  type DocumentKind,
  takesComments,
  type SearchDocument,
} from '../documents'
import { site } from '../config'
import { duplicateTranslations, warnMissingDictionaries, type Translatable } from '../i18n'
import { imageKey } from '../images'
import { readMarkdown, slugify, type TocHeading } from '../markdown'
import { normalizeOldPath } from '../redirects'
import { ARCHIVE, archiveYearUrl, authorUrl, FEEDS, HOME, SEARCH, TAGS, tagUrl } from '../routes'
import type { StoredComment } from './site-data'
import { invalidContent } from './schema'
import { partPath, POINTER_FILE, storeRoot } from './store-layout'
import { STORE_FORMAT, type Author, type AuthorDocument, type GeneratedDocument, type ImageMap, type StoreIndex } from './types'

export type ExtraFile = { name: string; content: string }

/** Builds files from the published documents as they stream past (the search index), without keeping them. */
export type ExtraFiles = { add: (document: SearchDocument) => void; files: () => Iterable<ExtraFile> }

export type WriteStoreOptions = {
  /** The folder holding every store; `.contentlayer/store` under the working directory by default. */
  root?: string
  /** What counts as published for files built ahead, such as the search index. */
  now?: Date
  /** Files derived from the published documents, written into the store beside the index (the search index). */
  extraFiles?: () => ExtraFiles
  /** How many stores to keep, the new one included, for servers still running an older build. */
  keep?: number
  /** A feed kind's compiled MDX to HTML, for feeds (components/mdx/html.tsx); without it no HTML is written. */
  renderHtml?: (document: GeneratedDocument, kind: DocumentKind) => string
  /**
   * How many documents a feed carries. HTML is rendered only for documents
   * that can be in a feed before the next build: the newest `feedPosts`
   * published ones and every scheduled one (a feed only ever gains newer ones).
   */
  feedPosts?: number
  /** The content folder (CONTENT_DIR), absolute, so a refusal names a file where the author finds it. */
  contentDir?: string
  /** The language of a document that names none: SITE_LANGUAGE's. */
  siteLanguage?: string
}

/** The documents to write: each kind's under its folder name (`posts`, `pages`), and the authors. */
export type StoreDocuments = { [K in AnyDocumentKind as K['folder']]?: Iterable<GeneratedDocument> } & {
  authors: Iterable<AuthorDocument>
}

/** A document's metadata as written: its kind's fields by name, and the built ones. */
type StoredRecord = { slug: string; draft?: boolean; date?: string; [field: string]: unknown }

/** The pictures the content build made for a document, by src (contentlayer.config.ts's `images` field). */
export function postImageMap(document: { images?: unknown }): ImageMap {
  return (document.images ?? {}) as ImageMap
}

/**
 * A document's metadata as its kind defines it: every field, its slug and
 * source, and what its body gives (reading time, the hero's variants).
 */
export function documentMetadata(kind: DocumentKind, document: GeneratedDocument, context: StoreContext): StoredRecord {
  const record: StoredRecord = { slug: document.slug }
  for (const [name, spec] of Object.entries(kind.fields)) record[name] = storedValue(spec, document[name], context)
  if (kind.readingTime) record.readingMinutes = document.readingMinutes
  const hero = kind.pictures && typeof document.image === 'string' ? postImageMap(document)[imageKey(document.image)] : undefined
  if (hero) record.hero = hero
  if (kind.pictures && typeof document.imagesWithoutAlt === 'number' && document.imagesWithoutAlt > 0) record.imagesWithoutAlt = document.imagesWithoutAlt
  record.lastModified = String(document.lastModified)
  record.sourceFilePath = document._raw.sourceFilePath
  return record
}

/**
 * Everything the store keeps of one document, from the document alone: its
 * metadata, its body (compiled MDX, headings, pictures) and its plain text.
 */
export function documentParts(
  kind: DocumentKind,
  document: GeneratedDocument,
  context: StoreContext,
): { record: StoredRecord; body: DocumentBody; text: string } {
  const images = kind.pictures ? postImageMap(document) : {}
  const body: DocumentBody = { code: document.body.code, headings: document.headings as TocHeading[], ...(Object.keys(images).length ? { images } : {}) }
  return { record: documentMetadata(kind, document, context), body, text: readMarkdown(document.body.raw).text }
}

function authorRecord(author: AuthorDocument): Author {
  const { id, name, role, organisation, email, twitter, github } = author
  return { id, name, role, organisation, email, twitter, github, body: { code: author.body.code } }
}

/**
 * Contentlayer's generated documents of one type, read one file at a time:
 * its `_index.json` holds every document whole, and parsing it (which is what
 * importing `contentlayer/generated` does) would double the memory of a
 * Contentlayer process that already holds every document (the figures are in
 * docs/content-store.md). The per-document files are named by
 * `<Type>/_index.mjs`, which lists exactly this build's documents (stale
 * files of deleted posts can linger beside them).
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

/** The JSON files beside the documents (lib/content/site-data.ts), already checked field by field; `file` names each for errors. */
export type SiteData = {
  /** Each document's comments, by their file (lib/documents' commentsFile names it). */
  comments?: Iterable<{ file: string; comments: StoredComment[] }>
  redirects?: Iterable<{ file: string; redirects: { from: string; to: string }[] }>
  imageHosts?: Iterable<string>
}

/**
 * Every address a redirect may lead to: the home page, feeds, listings, and
 * each document, tag, author and year of the archive that is not a draft.
 */
function knownAddresses(lists: Readonly<Record<string, readonly StoredRecord[]>>, authors: readonly Author[]): Set<string> {
  const known = new Set<string>([HOME, ARCHIVE, SEARCH, TAGS, FEEDS.rss, FEEDS.atom, FEEDS.json])
  for (const kind of DOCUMENT_KINDS) {
    for (const record of lists[kind.folder] ?? []) {
      if (record.draft === true) continue
      known.add(normalizeOldPath(documentUrl(kind, 'page', record)))
      if (typeof record.date === 'string') known.add(archiveYearUrl(record.date.slice(0, 4)))
      for (const tag of Array.isArray(record.tags) ? (record.tags as string[]) : []) known.add(normalizeOldPath(tagUrl(slugify(tag))))
    }
  }
  for (const author of authors) known.add(authorUrl(author.id))
  return known
}

/** One map of every redirect file; a loop, a chain of two hops or an address that leads nowhere fails the build. */
function redirectMap(files: SiteData['redirects'], known: ReadonlySet<string>, contentDir: string): Record<string, string> {
  const map: Record<string, string> = {}
  const where = new Map<string, string>()
  const entries = [...(files ?? [])].flatMap(({ file, redirects }) => redirects.map((entry, index) => ({ file, index, ...entry })))
  for (const { file, index, from, to } of entries) {
    const key = normalizeOldPath(from)
    if (key in map) invalidContent(contentDir, file, `redirects[${index}].from`, `repeats "${from}", already in content/${where.get(key)}`)
    map[key] = normalizeOldPath(to)
    where.set(key, file)
  }
  for (const { file, index, from, to } of entries) {
    const target = normalizeOldPath(to)
    const bare = target.replace(/\/+$/, '') || '/'
    if (target === normalizeOldPath(from) || bare === normalizeOldPath(from).replace(/\/+$/, '')) invalidContent(contentDir, file, `redirects[${index}].to`, `leads back to "${from}": a loop`)
    if (target in map || `${bare}/` in map) invalidContent(contentDir, file, `redirects[${index}].to`, `"${to}" is itself redirected: readers would take two hops (or loop)`)
    if (!known.has(target)) invalidContent(contentDir, file, `redirects[${index}].to`, `"${to}" is not an address of this site (no published post, page, tag, author or listing there)`)
  }
  return map
}

export function writeContentStore(
  documents: StoreDocuments & SiteData,
  { root = storeRoot(), now = new Date(), extraFiles, keep = 3, renderHtml, feedPosts = 20, siteLanguage = site.language, contentDir = path.resolve('content') }: WriteStoreOptions = {},
): { id: string; dir: string; documents: Record<string, number> } {
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
    const lists: Record<string, StoredRecord[]> = {}
    const threads = new Map([...(documents.comments ?? [])].map((thread) => [thread.file, thread]))
    for (const kind of DOCUMENT_KINDS as readonly AnyDocumentKind[]) {
      const order = comparatorOf(kind.order)
      const html = (slug: string, document: GeneratedDocument) => renderHtml && write(partPath(staging, kind.folder, slug, 'html'), renderHtml(document, kind))
      // A feed kind's newest published documents so far, newest first, with their document until their HTML is rendered.
      const newest: { record: StoredRecord; document: GeneratedDocument }[] = []
      const records: StoredRecord[] = []
      for (const document of documents[kind.folder as AnyDocumentKind['folder']] ?? []) {
        const { record, body, text } = documentParts(kind, document, { siteLanguage })
        write(partPath(staging, kind.folder, record.slug, 'body'), JSON.stringify(body))
        write(partPath(staging, kind.folder, record.slug, 'text'), text)
        const thread = takesComments(kind) ? threads.get(commentsFile(kind, record.slug)) : undefined
        if (thread) {
          write(partPath(staging, kind.folder, record.slug, 'comments'), JSON.stringify(thread.comments))
          threads.delete(thread.file)
          if (thread.comments.length) record.commentCount = thread.comments.length
        }
        records.push(record)
        if (record.draft === true) continue
        if (!isPublished(record, now)) {
          if (kind.feed) html(record.slug, document)
          continue
        }
        extras?.add({ ...searchListing(kind, record), text })
        if (!kind.feed) continue
        const at = newest.findIndex((other) => order(record, other.record) < 0)
        if (at !== -1 || newest.length < feedPosts) newest.splice(at === -1 ? newest.length : at, 0, { record, document })
        if (newest.length > feedPosts) newest.pop()
      }
      for (const { record, document } of newest) html(record.slug, document)
      failOnTwinTranslations(records, contentDir)
      lists[kind.folder] = records.sort(order)
    }
    // Said once per build, so an author knows which pages' interface words fall back to English.
    warnMissingDictionaries(Object.values(lists).flatMap((records) => records.map((record) => String(record.lang))))
    const authors = [...documents.authors].sort((a, b) => a.id.localeCompare(b.id)).map(authorRecord)
    for (const orphan of threads.values()) {
      const { kind, slug } = commentsOwner(orphan.file)
      invalidContent(contentDir, orphan.file, 'slug (file name)', `names no ${kind.name.toLowerCase()}: there is no content/${kind.folder}/${slug}.mdx`)
    }
    const redirects = redirectMap(documents.redirects, knownAddresses(lists, authors), contentDir)
    const imageHosts = [...new Set(documents.imageHosts ?? [])].sort()
    const index = { format: STORE_FORMAT, ...lists, authors, redirects, imageHosts } as unknown as StoreIndex
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
    return { id, dir, documents: Object.fromEntries(Object.entries(lists).map(([folder, records]) => [folder, records.length])) }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true })
    throw error
  }
}

/** Two documents of one translation group in one language: the build stops, naming both. */
function failOnTwinTranslations(records: readonly StoredRecord[], contentDir: string): void {
  const [twin] = duplicateTranslations(records as (StoredRecord & Translatable)[])
  if (!twin) return
  const [first, second] = twin
  invalidContent(
    contentDir,
    String(second.sourceFilePath),
    'translationKey',
    `"${second.translationKey}" is also the key of content/${String(first.sourceFilePath)}, in the same language (${second.lang})`,
  )
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
