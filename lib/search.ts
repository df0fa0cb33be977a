/**
 * The search engine: indexing, ranking and snippets over whatever posts it is
 * given. lib/search-published.ts feeds it the published posts; the benchmark
 * feeds it synthetic ones. It imports no content (only its type), so scripts
 * can load it without a Contentlayer build. docs/search.md explains the choices.
 */
import MiniSearch, { type Query } from 'minisearch'
import { stemmer } from 'stemmer'
import type { Post } from './content'
import { DEFAULT_LIMIT, type SearchHit } from './search-params'

export type SearchablePost = Pick<Post, 'slug' | 'title' | 'summary' | 'tags' | 'date' | 'text'>

export type SearchIndex = {
  engine: MiniSearch<SearchablePost>
  posts: ReadonlyMap<string, SearchablePost>
}

const FIELDS = ['title', 'tags', 'summary', 'text'] as const
const BOOST = { title: 5, tags: 2.5, summary: 2, text: 1 }
const SNIPPET_CHARS = 200

/** Letters (any script), digits and combining marks; everything else separates words. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu

/**
 * Too common to tell posts apart; dropping them keeps the index smaller and
 * stops "the" fuzzily matching "then", "they" and "she".
 */
const STOP_WORDS = new Set(
  'a an and are as at be but by for from has have i in is it its of on or our so that the this to was we were will with you your'.split(' '),
)

export function tokenize(text: string): string[] {
  return text.match(WORD) ?? []
}

/** Case and accents folded, so "Café", "CAFE" and "cafe" are one word. */
export function foldWord(word: string): string {
  // Most words are plain ASCII and need no Unicode decomposition, which is the slow part.
  if (/^[\x00-\x7f]*$/.test(word)) return word.toLowerCase()
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

// Stemming is the slow part of indexing and the same few thousand words recur,
// so their stems are remembered; the cap keeps a hostile stream of words from growing it forever.
const stems = new Map<string, string>()
const STEM_CACHE_LIMIT = 200_000

/** The Porter stem of an English word ("hacking" → "hack"); other words are left alone. */
export function stemOf(folded: string): string {
  if (!/^[a-z]{3,}$/.test(folded)) return folded
  let stem = stems.get(folded)
  if (stem === undefined) {
    if (stems.size >= STEM_CACHE_LIMIT) stems.clear()
    stem = stemmer(folded)
    stems.set(folded, stem)
  }
  return stem
}

/**
 * Each word is indexed as written (folded) and as its stem. The stem finds
 * "hack" from "hacking"; the written form keeps typo matching honest, since a
 * misspelling's stem can land far from the real word's ("usabilty" → "usabilti",
 * "usability" → "usabl").
 */
function indexTerms(term: string): string | string[] | null {
  const folded = foldWord(term)
  if (!folded || STOP_WORDS.has(folded)) return null
  const stem = stemOf(folded)
  return stem === folded ? folded : [folded, stem]
}

/**
 * Typos allowed grow with the word: one from five letters, two from eight.
 * Shorter words get none: one edit away from a three- or four-letter word is
 * a crowd of unrelated words, which both muddies results and is the slowest
 * kind of lookup (see docs/search.md for the benchmark).
 */
function typoDistance(word: string): number {
  if (/\d/.test(word) || word.length < 5) return 0
  return word.length < 8 ? 1 : 2
}

/** Prefixes shorter than this expand to hundreds of words on a big site; whole words still match exactly. */
const MIN_PREFIX = 4

const asIs = (text: string) => [text]
const unchanged = (term: string) => term

/**
 * One sub-query per word, OR-ed so a typo in one word does not lose the post
 * (MiniSearch still ranks posts matching more words higher). Only the last
 * word is prefix-matched: it is the one still being typed, and prefix lookups
 * on every word are what make long queries slow.
 */
export function buildQuery(query: string): Query | undefined {
  const words = tokenize(query).map(foldWord).filter(Boolean)
  const queries: Query[] = []
  words.forEach((word, i) => {
    const isLast = i === words.length - 1
    const prefix = isLast && word.length >= MIN_PREFIX
    if (STOP_WORDS.has(word)) {
      if (prefix) queries.push({ queries: [word], prefix: true, fuzzy: false })
      return
    }
    queries.push({ queries: [word], prefix, fuzzy: typoDistance(word) })
    const stem = stemOf(word)
    if (stem !== word) queries.push({ queries: [stem], prefix: false, fuzzy: false })
  })
  if (queries.length === 0) return undefined
  return { combineWith: 'OR', tokenize: asIs, processTerm: unchanged, queries }
}

export function createSearchIndex(posts: readonly SearchablePost[]): SearchIndex {
  const engine = new MiniSearch<SearchablePost>({
    idField: 'slug',
    fields: [...FIELDS],
    storeFields: [],
    tokenize,
    processTerm: indexTerms,
    extractField: (post, field) => (field === 'tags' ? post.tags.join(' ') : post[field as keyof SearchablePost]) as string,
    searchOptions: { boost: BOOST },
  })
  engine.addAll(posts)
  return { engine, posts: new Map(posts.map((post) => [post.slug, post])) }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** True when a word of the text is one the index matched, as written or by its stem. */
function isMatched(word: string, matched: ReadonlySet<string>): boolean {
  const folded = foldWord(word)
  return matched.has(folded) || matched.has(stemOf(folded))
}

type Span = { start: number; end: number; term: string }

/** Enough matches to choose a good passage; stopping there bounds the work for very common words. */
const MAX_SPANS = 60

/**
 * A word can only match if it starts with the first two letters of a matched
 * term (a Porter stem only ever rewrites the end of a word), so most words are
 * skipped without folding or stemming them. Returns undefined when a term is
 * too short to filter on.
 */
function headsOf(matched: ReadonlySet<string>): Set<string> | undefined {
  const heads = new Set<string>()
  for (const term of matched) {
    if (term.length < 2) return undefined
    heads.add(term.slice(0, 2))
  }
  return heads
}

function matchedSpans(text: string, matched: ReadonlySet<string>): Span[] {
  const spans: Span[] = []
  const heads = headsOf(matched)
  for (const found of text.matchAll(WORD)) {
    const head = found[0].slice(0, 2)
    if (heads && /^[\x00-\x7f]*$/.test(head) && !heads.has(head.toLowerCase())) continue
    if (isMatched(found[0], matched)) {
      spans.push({ start: found.index, end: found.index + found[0].length, term: foldWord(found[0]) })
      if (spans.length === MAX_SPANS) break
    }
  }
  return spans
}

/** Marks the matched words of text[start, end) and escapes everything else. */
function markUp(text: string, spans: readonly Span[], start: number, end: number): string {
  let html = ''
  let at = start
  for (const span of spans) {
    if (span.start < start || span.end > end) continue
    html += `${escapeHtml(text.slice(at, span.start))}<mark>${escapeHtml(text.slice(span.start, span.end))}</mark>`
    at = span.end
  }
  return html + escapeHtml(text.slice(at, end))
}

/** The opening of a text, cut at a space, for posts matched on their title or tags alone. */
function openingOf(text: string, size: number = SNIPPET_CHARS): string {
  if (text.length <= size) return escapeHtml(text)
  const space = text.lastIndexOf(' ', size)
  return `${escapeHtml(text.slice(0, space > 0 ? space : size))} …`
}

/**
 * The passage of about `size` characters holding the most different matched
 * words (earliest on a tie), or undefined when none are in the text.
 */
export function snippetOf(text: string, matched: ReadonlySet<string>, size: number = SNIPPET_CHARS): string | undefined {
  const spans = matchedSpans(text, matched)
  if (spans.length === 0) return undefined
  if (text.length <= size) return markUp(text, spans, 0, text.length)
  const lead = Math.floor(size / 5)
  let best = { anchor: 0, from: 0, distinct: -1 }
  for (const anchor of spans) {
    const from = Math.max(0, anchor.start - lead)
    const terms = new Set<string>()
    for (const span of spans) if (span.start >= from && span.end <= from + size) terms.add(span.term)
    if (terms.size > best.distinct) best = { anchor: anchor.start, from, distinct: terms.size }
  }
  let start = 0
  if (best.from > 0) {
    const space = text.indexOf(' ', best.from)
    start = space !== -1 && space < best.anchor ? space + 1 : best.anchor
  }
  let end = Math.min(text.length, start + size)
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end)
    if (space > best.anchor) end = space
  }
  return `${start > 0 ? '… ' : ''}${markUp(text, spans, start, end)}${end < text.length ? ' …' : ''}`
}

/** A hit before it has an address: lib/search-published.ts adds the post URL. */
export type IndexHit = Omit<SearchHit, 'url'> & { slug: string }

export type IndexResponse = { query: string; total: number; results: IndexHit[] }

function hitFor(post: SearchablePost, score: number, matched: ReadonlySet<string>): IndexHit {
  const snippet =
    snippetOf(post.text, matched) ??
    snippetOf(post.summary, matched, Number.POSITIVE_INFINITY) ??
    openingOf(post.text)
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
  const tree = buildQuery(query)
  if (!tree) return { query, total: 0, results: [] }
  const found = index.engine.search(tree)
  const results = found.slice(0, limit).flatMap((result) => {
    const post = index.posts.get(result.id as string)
    return post ? [hitFor(post, result.score, new Set(result.terms))] : []
  })
  return { query, total: found.length, results }
}
