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
  engine: PostSearch
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

/** One looked-up word: exact, and optionally prefix- and typo-expanded. */
export type QueryTerm = { term: string; prefix: boolean; fuzzy: number }

/**
 * One term per word, OR-ed so a typo in one word does not lose the post
 * (a post's score is multiplied by how many distinct terms it matched, so
 * posts matching more words still rank higher). Only the
 * last word is prefix-matched: it is the one still being typed, and prefix
 * lookups on every word are what make long queries slow. A word whose stem
 * differs is looked up a second time, as its stem, exactly.
 */
export function queryTerms(query: string): QueryTerm[] {
  const words = tokenize(query).map(foldWord).filter(Boolean)
  const terms: QueryTerm[] = []
  words.forEach((word, i) => {
    const isLast = i === words.length - 1
    const prefix = isLast && word.length >= MIN_PREFIX
    if (STOP_WORDS.has(word)) {
      if (prefix) terms.push({ term: word, prefix: true, fuzzy: 0 })
      return
    }
    terms.push({ term: word, prefix, fuzzy: typoDistance(word) })
    const stem = stemOf(word)
    if (stem !== word) terms.push({ term: stem, prefix: false, fuzzy: 0 })
  })
  return terms
}

/** The same terms as a MiniSearch query tree, for `engine.search`: one sub-query per term, OR-ed. */
function queryTree(terms: readonly QueryTerm[]): Query {
  return {
    combineWith: 'OR',
    tokenize: asIs,
    processTerm: unchanged,
    queries: terms.map(({ term, prefix, fuzzy }) => ({ queries: [term], prefix, fuzzy })),
  }
}

/** MiniSearch's defaults, named so both ranking paths below use the same. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 }
const WEIGHTS = { fuzzy: 0.45, prefix: 0.375 }

type FieldTermData = Map<number, Map<number, number>>

/** One ranked post: its slug, its final score, and the index terms it matched. */
export type RankedMatch = { id: string; score: number; terms: string[] }

/**
 * MiniSearch with a faster way to take the top few results of a query.
 *
 * `engine.search` scores every matching post into a result object per post
 * (plus one per field and term), builds a second object per post, then sorts
 * them all, only for us to keep ten. A common word matches all 10,000 posts of
 * the benchmark, which costs ~10 ms a term before any snippet is made.
 *
 * `rank` runs the same query, with the same term expansion (MiniSearch's own
 * radix tree: `atPrefix`, `fuzzyGet`), the same BM25+ formula, field boosts,
 * prefix and typo weights and the same "times the number of query terms
 * matched" quality factor, in the same order, but sums scores into typed
 * arrays indexed by MiniSearch's short document ids and keeps only the best
 * `limit`. The unit tests check it against `engine.search` result by result.
 *
 * It reads MiniSearch's index through the members the class declares
 * `protected` for subclasses (`_index`, `_fieldIds`, `_fieldLength`, …);
 * minisearch is pinned to an exact version in package.json, and if documents
 * were ever discarded from the index (stale ids in postings) it falls back to
 * `engine.search`.
 */
export class PostSearch extends MiniSearch<SearchablePost> {
  /** Per field, by short id: BM25's length normalisation k·(1 − b + b·length/average). */
  private norms: Float64Array[] | undefined
  /** What the norms were computed for: adding or removing posts changes the average lengths. */
  private preparedFor = ''
  private total = new Float64Array(0)
  private partial = new Float64Array(0)
  /** Per post, a bit for each distinct query term it matched (MiniSearch multiplies the score by their number). */
  private matchedTerms = new Uint32Array(0)
  /** Short ids of the posts matched so far, in first-match order, and by the current query term. */
  private touched = new Int32Array(0)
  private touchedHere = new Int32Array(0)

  /** The length normalisation of every post, computed once after indexing (and again if posts are added or removed). */
  prepare(): Float64Array[] {
    const size = this._nextId
    const key = `${size} ${this._documentCount}`
    if (this.norms && this.preparedFor === key) return this.norms
    this.preparedFor = key
    const norms = FIELDS.map(() => new Float64Array(size))
    for (const [shortId, lengths] of this._fieldLength) {
      FIELDS.forEach((field, i) => {
        const fieldId = this._fieldIds[field]
        norms[i][shortId] = BM25.k * (1 - BM25.b + (BM25.b * lengths[fieldId]) / this._avgFieldLength[fieldId])
      })
    }
    this.norms = norms
    this.total = new Float64Array(size)
    this.partial = new Float64Array(size)
    this.matchedTerms = new Uint32Array(size)
    this.touched = new Int32Array(size)
    this.touchedHere = new Int32Array(size)
    return norms
  }

  /** The index terms one query term stands for, with MiniSearch's weights for prefix and typo matches. */
  private expand({ term, prefix, fuzzy }: QueryTerm): { term: string; data: FieldTermData; weight: number }[] {
    const derived: { term: string; data: FieldTermData; weight: number }[] = []
    const exact = this._index.get(term)
    if (exact) derived.push({ term, data: exact, weight: 1 })
    const prefixed = new Set<string>()
    if (prefix) {
      for (const [found, data] of this._index.atPrefix(term)) {
        const distance = found.length - term.length
        if (!distance) continue
        prefixed.add(found)
        derived.push({ term: found, data, weight: (WEIGHTS.prefix * found.length) / (found.length + 0.3 * distance) })
      }
    }
    if (fuzzy) {
      for (const [found, [data, distance]] of this._index.fuzzyGet(term, fuzzy)) {
        if (!distance || prefixed.has(found)) continue
        derived.push({ term: found, data, weight: (WEIGHTS.fuzzy * found.length) / (found.length + distance) })
      }
    }
    return derived
  }

  /**
   * The best `limit` posts for the OR of `terms`, best first (ties keep
   * MiniSearch's order), and how many posts matched at all.
   */
  rank(terms: readonly QueryTerm[], limit: number): { count: number; matches: RankedMatch[] } {
    // A repeated word counts once towards quality, as MiniSearch counts distinct terms.
    const termIds = new Map<string, number>()
    for (const { term } of terms) if (!termIds.has(term)) termIds.set(term, termIds.size)
    if (this._dirtCount > 0 || termIds.size > 32) return this.rankWithSearch(terms, limit)
    const norms = this.prepare()
    const { total, partial, matchedTerms, touched, touchedHere } = this
    const documentCount = this._documentCount
    let touchedCount = 0
    const allDerived: { term: string; data: FieldTermData }[] = []
    // No allocation per matching post (Map.forEach, ids in preallocated arrays): at 10,000
    // matches per term, garbage here is what sets off the young-generation collections.
    for (const queryTerm of terms) {
      const bit = 1 << (termIds.get(queryTerm.term) as number)
      let hereCount = 0
      for (const { term, data, weight } of this.expand(queryTerm)) {
        allDerived.push({ term, data })
        for (let i = 0; i < FIELDS.length; i++) {
          const freqs = data.get(this._fieldIds[FIELDS[i]])
          if (!freqs) continue
          const matching = freqs.size
          const idf = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5))
          const scale = weight * BOOST[FIELDS[i]]
          const norm = norms[i]
          freqs.forEach((termFreq, shortId) => {
            if (partial[shortId] === 0) touchedHere[hereCount++] = shortId
            partial[shortId] += scale * (idf * (BM25.d + (termFreq * (BM25.k + 1)) / (termFreq + norm[shortId])))
          })
        }
      }
      for (let j = 0; j < hereCount; j++) {
        const shortId = touchedHere[j]
        if (total[shortId] === 0) touched[touchedCount++] = shortId
        total[shortId] += partial[shortId]
        partial[shortId] = 0
        matchedTerms[shortId] |= bit
      }
    }
    // Best first; an equal score never displaces an earlier post, as a stable sort would keep it.
    const best: { shortId: number; score: number }[] = []
    for (let j = 0; j < touchedCount; j++) {
      const shortId = touched[j]
      const score = total[shortId] * bitCount(matchedTerms[shortId])
      total[shortId] = 0
      matchedTerms[shortId] = 0
      if (best.length >= limit && (limit < 1 || score <= best[best.length - 1].score)) continue
      let at = best.length
      while (at > 0 && best[at - 1].score < score) at--
      best.splice(at, 0, { shortId, score })
      if (best.length > limit) best.pop()
    }
    const matches = best.map(({ shortId, score }) => ({
      id: this._documentIds.get(shortId) as string,
      score,
      terms: [...new Set(allDerived.filter(({ data }) => hasDocument(data, shortId)).map(({ term }) => term))],
    }))
    return { count: touchedCount, matches }
  }

  /** The reference: MiniSearch's own search over the same query tree. */
  rankWithSearch(terms: readonly QueryTerm[], limit: number): { count: number; matches: RankedMatch[] } {
    if (terms.length === 0) return { count: 0, matches: [] }
    const found = this.search(queryTree(terms))
    return { count: found.length, matches: found.slice(0, limit).map(({ id, score, terms }) => ({ id, score, terms })) }
  }
}

function bitCount(bits: number): number {
  let count = 0
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++
  return count
}

function hasDocument(data: FieldTermData, shortId: number): boolean {
  for (const freqs of data.values()) if (freqs.has(shortId)) return true
  return false
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

/** [A-Za-z0-9]: the ASCII part of WORD (\p{M} has no ASCII members). */
const ASCII_WORD = new Uint8Array(128).map((_, c) => Number((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)))
/** WORD for one code point at lastIndex, for the rare non-ASCII characters. */
const WORD_AT = /[\p{L}\p{N}\p{M}]/uy

/** How many UTF-16 units the word character at `at` takes, or 0 when it is not a word character. */
function wordCharAt(text: string, at: number): number {
  const code = text.charCodeAt(at)
  if (code < 128) return ASCII_WORD[code]
  WORD_AT.lastIndex = at
  return WORD_AT.test(text) ? WORD_AT.lastIndex - at : 0
}

const lowerAscii = (code: number) => (code >= 65 && code <= 90 ? code + 32 : code)

/**
 * A word can only match if it starts with the first two letters of a matched
 * term (a Porter stem only ever rewrites the end of a word), so words whose
 * first two characters are ASCII and not such a pair are skipped without
 * folding or stemming them, or even slicing them out of the text. Returns
 * undefined when a term is too short to filter on.
 */
function headsOf(matched: ReadonlySet<string>): Set<number> | undefined {
  const heads = new Set<number>()
  for (const term of matched) {
    if (term.length < 2) return undefined
    const first = term.charCodeAt(0)
    const second = term.charCodeAt(1)
    // A head with a non-ASCII character can only match a word with one, and those are always checked.
    if (first < 128 && second < 128) heads.add(first * 128 + second)
  }
  return heads
}

/**
 * The same words as `text.matchAll(WORD)`, scanned by hand because a body of
 * ~800 words would otherwise allocate a match per word on every search.
 */
function matchedSpans(text: string, matched: ReadonlySet<string>): Span[] {
  const spans: Span[] = []
  const heads = headsOf(matched)
  let at = 0
  while (at < text.length) {
    const width = wordCharAt(text, at)
    if (width === 0) {
      at += (text.codePointAt(at) as number) > 0xffff ? 2 : 1
      continue
    }
    const start = at
    at += width
    for (let next = wordCharAt(text, at); next > 0 && at < text.length; next = wordCharAt(text, at)) at += next
    if (heads) {
      const first = text.charCodeAt(start)
      const second = at - start > 1 ? text.charCodeAt(start + 1) : 0
      // One ASCII character, or two: a head that no matched term has.
      if (first < 128 && second < 128 && !heads.has(lowerAscii(first) * 128 + lowerAscii(second))) continue
    }
    const word = text.slice(start, at)
    if (isMatched(word, matched)) {
      spans.push({ start, end: at, term: foldWord(word) })
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
  const terms = queryTerms(query)
  if (terms.length === 0) return { query, total: 0, results: [] }
  const { count, matches } = index.engine.rank(terms, limit)
  const results = matches.flatMap((match) => {
    const post = index.posts.get(match.id)
    return post ? [hitFor(post, match.score, new Set(match.terms))] : []
  })
  return { query, total: count, results }
}
