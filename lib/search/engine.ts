/**
 * The search engine: indexing, ranking and snippets over whatever posts it is
 * given. ./published.ts feeds it the published posts; the benchmark feeds it
 * synthetic ones. It imports no content (only its type), so scripts can load
 * it without a Contentlayer build. docs/search.md explains the choices.
 */
import type { Post } from '../content'
import { indexTerms, queryTerms, tokenize } from './analysis'
import { DEFAULT_LIMIT, type SearchHit } from './params'
import { BM25, BOOST, FIELDS, PostSearch, WEIGHTS } from './rank'
import { openingOf, snippetOf } from './snippets'

export type SearchablePost = Pick<Post, 'slug' | 'title' | 'summary' | 'tags' | 'date' | 'text'>

export type SearchIndex = {
  engine: PostSearch
  posts: ReadonlyMap<string, SearchablePost>
}

export function createSearchIndex(posts: readonly SearchablePost[]): SearchIndex {
  const engine = new PostSearch({
    idField: 'slug',
    fields: [...FIELDS],
    storeFields: [],
    tokenize,
    processTerm: indexTerms,
    extractField: (post, field) => (field === 'tags' ? post.tags.join(' ') : post[field as keyof SearchablePost]) as string,
    searchOptions: { boost: BOOST, bm25: BM25, weights: WEIGHTS },
  })
  engine.addAll(posts)
  // So that no request pays for it.
  engine.prepare()
  return { engine, posts: new Map(posts.map((post) => [post.slug, post])) }
}

/** A hit before it has an address: ./published.ts adds the post URL. */
export type IndexHit = Omit<SearchHit, 'url'> & { slug: string }

export type IndexResponse = { query: string; total: number; results: IndexHit[] }

function hitFor(post: SearchablePost, score: number, matched: ReadonlySet<string>): IndexHit {
  const snippet = snippetOf(post.text, matched) ?? snippetOf(post.summary, matched, Number.POSITIVE_INFINITY) ?? openingOf(post.text)
  return {
    slug: post.slug,
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
    const post = index.posts.get(match.id)
    return post ? [hitFor(post, match.score, new Set(match.terms))] : []
  })
  return { query, total: count, results }
}
