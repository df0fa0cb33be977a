/**
 * The search engine: indexing, ranking and snippets over whatever documents
 * it is given. ./published.ts feeds it the published posts and pages; the
 * benchmark feeds it synthetic posts. It imports no content, so scripts can
 * load it without a Contentlayer build. docs/search.md explains the choices.
 */
import { indexTerms, queryTerms, tokenize } from './analysis'
import { DEFAULT_LIMIT, type SearchHit } from './params'
import { BM25, BOOST, FIELDS, PostSearch, WEIGHTS } from './rank'
import { openingOf, snippetOf } from './snippets'

/** A post or page as the index sees it. `id` is unique across both: its address. Pages have no tags or date. */
export type SearchDocument = {
  id: string
  title: string
  summary: string
  tags: readonly string[]
  date?: string
  text: string
}

export type SearchIndex = {
  engine: PostSearch
  documents: ReadonlyMap<string, SearchDocument>
}

export function createSearchIndex(documents: readonly SearchDocument[]): SearchIndex {
  const engine = new PostSearch({
    idField: 'id',
    fields: [...FIELDS],
    storeFields: [],
    tokenize,
    processTerm: indexTerms,
    extractField: (document, field) => (field === 'tags' ? document.tags.join(' ') : document[field as keyof SearchDocument]) as string,
    searchOptions: { boost: BOOST, bm25: BM25, weights: WEIGHTS },
  })
  engine.addAll(documents)
  // So that no request pays for it.
  engine.prepare()
  return { engine, documents: new Map(documents.map((document) => [document.id, document])) }
}

/** A hit before it has an address and a type: ./published.ts adds them. */
export type IndexHit = Omit<SearchHit, 'url' | 'type'> & { id: string }

export type IndexResponse = { query: string; total: number; results: IndexHit[] }

function hitFor(post: SearchDocument, score: number, matched: ReadonlySet<string>): IndexHit {
  const snippet = snippetOf(post.text, matched) ?? snippetOf(post.summary, matched, Number.POSITIVE_INFINITY) ?? openingOf(post.text)
  return {
    id: post.id,
    title: post.title,
    date: post.date,
    summary: post.summary,
    snippet,
    tags: [...post.tags],
    score: Math.round(score * 1000) / 1000,
  }
}

/** Best first; `total` counts every matching post, `results` holds the first `limit`. */
export function searchIndex(index: SearchIndex, query: string, limit: number = DEFAULT_LIMIT): IndexResponse {
  const terms = queryTerms(query)
  if (terms.length === 0) return { query, total: 0, results: [] }
  const { count, matches } = index.engine.rank(terms, limit)
  const results = matches.flatMap((match) => {
    const post = index.documents.get(match.id)
    return post ? [hitFor(post, match.score, new Set(match.terms))] : []
  })
  return { query, total: count, results }
}
