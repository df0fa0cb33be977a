/**
 * Search as the site offers it: over published posts and pages only (the one
 * filter in lib/content), with one index per server process.
 *
 * The index is built at build time, when the content store is written, from
 * the posts and pages published then; the server loads it once, in slices,
 * starting when it boots (instrumentation.ts), and keeps it in step with the
 * schedule by adding posts that have gone live since (reading only their
 * text). A query that arrives while the index loads waits a bounded time and
 * is then told, honestly, to come back shortly.
 */
import 'server-only'
import { contentStoreKey, getPublishedDocuments, readDocumentText, readStoreFile } from '../content/server'
import { DOCUMENT_KINDS, searchListing, type AnyDocumentKind, type RecordOf } from '../documents'
import { indexDocuments, loadSearchEngine, SEARCH_HEADER_FILE, searchIndex, searchTermFile, type SearchIndex, type SearchListing } from './engine'
import { DEFAULT_LIMIT, type SearchHit, type SearchResponse } from './params'
import type { PostSearch } from './rank'

/** How long a query waits for an index still loading before it is answered 503. */
export const SEARCH_WAIT_MS = 1_000
/** What a 503 asks the reader to wait: about as long as a large index takes to load on a small, busy machine (docs/search.md#the-api). */
export const SEARCH_RETRY_AFTER_SECONDS = 1

/** A published document as search sees it. Its id is its address, unique across kinds (a post and a page may share a slug). */
export type PublishedDocument = { id: string; type: SearchHit['type']; listing: SearchListing; text: () => string }

/** Where an index's documents come from: the content store (the site), or lists given directly (tests). */
export type SearchSource = {
  /** What is published at `now`: the same array until that changes. */
  published: (now: Date) => readonly PublishedDocument[]
  /** The index built ahead of time, or an empty one to fill. */
  load: () => Promise<PostSearch>
}

/** The index in step with what is published, and whether each hit is a post or a page. */
export type PublishedView = { index: SearchIndex; types: ReadonlyMap<string, SearchHit['type']> }

export type SearchOutcome = { ok: true; response: SearchResponse } | { ok: false; status: 503; error: string; retryAfterSeconds: number }

type Kind = AnyDocumentKind
type Published = readonly RecordOf<Kind>[]

/**
 * The published documents of every kind that has search fields, as search
 * takes them (lib/documents' searchListing, as the index was built): made
 * again only when a kind's published list changes (a scheduled post goes live).
 */
function publishedDocuments(
  listsAt: (now: Date) => Published[],
  textOf: (kind: Kind, document: RecordOf<Kind>) => string,
): (now: Date) => readonly PublishedDocument[] {
  let last: { lists: Published[]; documents: readonly PublishedDocument[] } | undefined
  return (now) => {
    const lists = listsAt(now)
    if (last && lists.every((list, i) => list === last!.lists[i])) return last.documents
    const documents = lists.flatMap((list, i) => {
      const kind = DOCUMENT_KINDS[i]
      return list.map((document): PublishedDocument => {
        const listing = searchListing(kind, document)
        return { id: listing.id, type: kind.type, listing, text: () => textOf(kind, document) }
      })
    })
    last = { lists, documents }
    return documents
  }
}

function wait<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/** One index over one source, loaded once and kept in step with what is published. */
export class PublishedSearch {
  private engine?: PostSearch
  private loading?: Promise<PostSearch>
  /** The published list the engine matches, and the view searches use. */
  private syncedWith?: readonly PublishedDocument[]
  private view?: PublishedView

  constructor(private readonly source: SearchSource) {}

  /** Starts loading (once); a failure is logged and the next query tries again. */
  load(): Promise<PostSearch> {
    this.loading ??= this.source.load().then(
      (engine) => (this.engine = engine),
      (error: Error) => {
        this.loading = undefined
        console.error(`search: could not load the index: ${error.message}`)
        throw error
      },
    )
    return this.loading
  }

  /**
   * The view for what is published at `now`: posts that went live since the
   * index was built are added (their text read from disk), and anything no
   * longer published dropped, so a hit is only ever a published post or page.
   */
  private inStep(engine: PostSearch, now: Date): PublishedView {
    const published = this.source.published(now)
    if (this.syncedWith === published && this.view) return this.view
    const wanted = new Map(published.map((document) => [document.id, document]))
    // Indexed at build time but not published now (only if the clock went back): out of the results at once.
    for (const id of engine.ids()) if (!wanted.has(id)) engine.discard(id)
    for (const document of published) if (!engine.has(document.id)) engine.add({ ...document.listing, text: document.text() })
    engine.prepare()
    this.syncedWith = published
    const index: SearchIndex = {
      engine,
      documents: new Map(published.map((document) => [document.id, document.listing])),
      textOf: (id) => wanted.get(id)?.text() ?? '',
    }
    return (this.view = { index, types: new Map(published.map((document) => [document.id, document.type])) })
  }

  /** The index as of `now` once loaded, else undefined: the same object until what is published changes. */
  indexAt(now: Date): PublishedView | undefined {
    return this.engine && this.inStep(this.engine, now)
  }

  /** Searches what is published at `now`, waiting up to `waitMs` for an index still loading. */
  async search(
    query: string,
    { limit = DEFAULT_LIMIT, now = new Date(), waitMs = SEARCH_WAIT_MS }: { limit?: number; now?: Date; waitMs?: number } = {},
  ): Promise<SearchOutcome> {
    const engine =
      this.engine ??
      (await wait(
        this.load().catch(() => undefined),
        waitMs,
      ))
    if (!engine) {
      return { ok: false, status: 503, error: 'Search is starting up. Try again in a moment.', retryAfterSeconds: SEARCH_RETRY_AFTER_SECONDS }
    }
    const { index, types } = this.inStep(engine, now)
    const found = searchIndex(index, query, limit)
    return {
      ok: true,
      response: {
        query: found.query,
        total: found.total,
        results: found.results.map(({ id, title, date, summary, snippet, tags, score }) => ({
          type: types.get(id) ?? DOCUMENT_KINDS[0].type,
          title,
          url: id,
          date,
          summary,
          snippet,
          tags,
          score,
        })),
      },
    }
  }
}

const STORE_KEY = Symbol.for('sandbank.search')
type WithSearch = typeof globalThis & { [STORE_KEY]?: { store: string; search: PublishedSearch } }

/**
 * This build's search, shared by every route bundle of the process (each has
 * its own copy of this module) and replaced when the content store changes (`next dev`).
 */
function siteSearch(): PublishedSearch {
  const holder = globalThis as WithSearch
  const store = contentStoreKey()
  if (holder[STORE_KEY]?.store !== store) {
    const search = new PublishedSearch({
      published: publishedDocuments(
        (now) => DOCUMENT_KINDS.map((kind) => getPublishedDocuments(kind, now)),
        (kind, document) => readDocumentText(kind, document),
      ),
      load: async () => loadSearchEngine(await readStoreFile(SEARCH_HEADER_FILE), (number) => readStoreFile(searchTermFile(number))),
    })
    holder[STORE_KEY] = { store, search }
  }
  return holder[STORE_KEY].search
}

type WithText = { text?: string }
/** Lists of documents with their text, by kind folder (`posts`, `pages`), for searches without a store (tests). */
type DocumentLists = { [K in Kind as K['folder']]?: readonly (RecordOf<K> & WithText)[] }
/** One empty list, so searches over some kinds alone share their index. */
const NONE: readonly never[] = []
const listSearches = new WeakMap<object, unknown>()

/** A search over lists of documents with their text (tests), indexed on first use, once per set of lists. */
function listSearch(lists: DocumentLists): PublishedSearch {
  const keys = DOCUMENT_KINDS.map((kind) => lists[kind.folder] ?? NONE)
  let level: WeakMap<object, unknown> = listSearches
  for (const key of keys.slice(0, -1)) {
    let next = level.get(key) as WeakMap<object, unknown> | undefined
    if (!next) level.set(key, (next = new WeakMap()))
    level = next
  }
  let search = level.get(keys.at(-1)!) as PublishedSearch | undefined
  if (!search) {
    search = new PublishedSearch({
      published: publishedDocuments(
        (now) => DOCUMENT_KINDS.map((kind, i) => getPublishedDocuments(kind, now, keys[i] as Published)),
        (_kind, document) => (document as WithText).text ?? '',
      ),
      load: async () => indexDocuments([]),
    })
    level.set(keys.at(-1)!, search)
  }
  return search
}

/** Begins loading this build's index in the background, so the first reader to search need not wait. */
export function preloadSearchIndex(): void {
  siteSearch()
    .load()
    .catch(() => {})
}

/** Searches what is published at `now`: this build's index, or with lists of documents (`posts`, `pages`), those. */
export function searchPublished(
  query: string,
  options: { limit?: number; now?: Date; waitMs?: number } & DocumentLists = {},
): Promise<SearchOutcome> {
  const given = DOCUMENT_KINDS.some((kind) => options[kind.folder] !== undefined)
  return (given ? listSearch(options) : siteSearch()).search(query, options)
}

/** The index as of `now` for lists of posts and pages (tests): the same object until what is published changes. */
export async function publishedSearchIndex(now: Date, posts: DocumentLists['posts'], pages: DocumentLists['pages'] = NONE): Promise<PublishedView> {
  const search = listSearch({ posts, pages })
  await search.load()
  return search.indexAt(now)!
}
