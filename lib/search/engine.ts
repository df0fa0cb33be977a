/**
 * The search engine: indexing, ranking and snippets over whatever documents
 * it is given, and saving and loading an index. The content store's writer
 * indexes the published posts and pages at build time and ./published.ts
 * loads that index in the server; the benchmark indexes synthetic posts. It
 * imports no content, so scripts and the content build can load it.
 * docs/search.md explains the choices.
 */
import MiniSearch, { type AsPlainObject } from 'minisearch'
import { indexTerms, queryTerms, tokenize } from './analysis'
import { DEFAULT_LIMIT, type SearchHit } from './params'
import type { SearchDocument, SearchListing } from '../documents'
import { BM25, BOOST, FIELDS, PostSearch, WEIGHTS, type SavedTerm } from './rank'
import { openingOf, snippetOf } from './snippets'

export type { SearchDocument, SearchListing }

export type SearchIndex = {
  engine: PostSearch
  /** The documents a hit may name, by id. */
  documents: ReadonlyMap<string, SearchListing>
  /** A document's plain text, for its snippet: only the few hits of a query need it, so a served index reads it from disk. */
  textOf: (id: string) => string
}

/** The same options must index, save and load an index (MiniSearch does not save functions). */
const ENGINE_OPTIONS = {
  idField: 'id',
  fields: [...FIELDS],
  storeFields: [],
  tokenize,
  processTerm: indexTerms,
  // A list field (tags) is indexed as its words.
  extractField: (document: SearchDocument, field: string) => {
    const value = document[field]
    return (Array.isArray(value) ? value.join(' ') : value) as string
  },
  searchOptions: { boost: BOOST, bm25: BM25, weights: WEIGHTS },
}

export function indexDocuments(documents: readonly SearchDocument[]): PostSearch {
  const engine = new PostSearch(ENGINE_OPTIONS)
  engine.addAll(documents)
  return engine
}

export function createSearchIndex(documents: readonly SearchDocument[]): SearchIndex {
  const engine = indexDocuments(documents)
  // So that no request pays for it.
  engine.prepare()
  const byId = new Map(documents.map((document) => [document.id, document]))
  return { engine, documents: byId, textOf: (id) => byId.get(id)?.text ?? '' }
}

/**
 * Postings per file of a saved index: small enough that each file loads
 * without holding the event loop for long and its garbage dies young; larger
 * files left the server's memory much larger (measured in
 * docs/search.md#built-at-build-time-loaded-at-start).
 */
const POSTINGS_PER_FILE = 15_000

/** The saved index's files in the content store. */
export const SEARCH_HEADER_FILE = 'search/header.json'
export const searchTermFile = (number: number) => `search/terms-${String(number).padStart(4, '0')}.json`

/**
 * MiniSearch's own JSON (`toJSON`), written as files: its term list, in the
 * compact form of `PostSearch.savedTerms`, cut into files of about
 * POSTINGS_PER_FILE postings, then the header (everything else, and how many
 * term files there are). Made one file at a time, because `toJSON` copies the
 * whole index into plain objects first: a second copy of the index in a build
 * process that already holds every document (docs/search.md).
 */
export function* saveSearchEngine(engine: PostSearch, postingsPerFile: number = POSTINGS_PER_FILE): Generator<{ name: string; content: string }> {
  let termFiles = 0
  for (const terms of engine.savedTerms(postingsPerFile)) yield { name: searchTermFile(termFiles++), content: JSON.stringify(terms) }
  yield { name: SEARCH_HEADER_FILE, content: JSON.stringify({ ...engine.savedHeader(), termFiles }) }
}

/**
 * For the content store's writer (at build time): indexes the published
 * documents as they are read, one at a time (made by lib/documents'
 * searchListing, as the server makes those that go live later), and then gives
 * the index as files.
 */
export function searchIndexFiles(): { add: (document: SearchDocument) => void; files: () => Iterable<{ name: string; content: string }> } {
  const engine = indexDocuments([])
  return {
    add: (document) => engine.add(document),
    files: () => saveSearchEngine(engine),
  }
}

/**
 * An index written by `saveSearchEngine`: MiniSearch's loader for the header,
 * then the terms one file at a time, yielding between files so requests for
 * pages are served while a large index loads.
 */
export async function loadSearchEngine(
  header: string,
  readTermFile: (number: number) => Promise<string>,
  pause: () => Promise<void> = () => new Promise((resolve) => setImmediate(resolve)),
): Promise<PostSearch> {
  const saved = JSON.parse(header) as AsPlainObject & { termFiles: number }
  const engine = Object.assign(new PostSearch(ENGINE_OPTIONS), MiniSearch.loadJS<SearchDocument>(saved, ENGINE_OPTIONS))
  for (let number = 0; number < saved.termFiles; number++) {
    const terms = JSON.parse(await readTermFile(number)) as SavedTerm[]
    await pause()
    engine.adoptSavedTerms(terms)
    await pause()
  }
  engine.prepare()
  return engine
}

/** A hit before it has an address and a type: ./published.ts adds them. */
export type IndexHit = Omit<SearchHit, 'url' | 'type'> & { id: string }

export type IndexResponse = { query: string; total: number; results: IndexHit[] }

function hitFor(document: SearchListing, text: string, score: number, matched: ReadonlySet<string>): IndexHit {
  const snippet = snippetOf(text, matched) ?? snippetOf(document.summary, matched, Number.POSITIVE_INFINITY) ?? openingOf(text)
  return {
    id: document.id,
    title: document.title,
    date: document.date,
    summary: document.summary,
    snippet,
    tags: [...(document.tags ?? [])],
    score: Math.round(score * 1000) / 1000,
  }
}

/** Best first; `total` counts every matching document, `results` holds the first `limit`. */
export function searchIndex(index: SearchIndex, query: string, limit: number = DEFAULT_LIMIT): IndexResponse {
  const terms = queryTerms(query)
  if (terms.length === 0) return { query, total: 0, results: [] }
  const { count, matches } = index.engine.rank(terms, limit)
  const results = matches.flatMap((match) => {
    const document = index.documents.get(match.id)
    return document ? [hitFor(document, index.textOf(document.id), match.score, new Set(match.terms))] : []
  })
  return { query, total: count, results }
}
