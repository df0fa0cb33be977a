/**
 * Ranking: MiniSearch's scores for a query, computed for the top few posts
 * only. The index holds the fields the document kinds mark for search, with
 * their boosts (lib/documents), and the body's text.
 */
import MiniSearch, { type AsPlainObject, type Query } from 'minisearch'
import type { QueryTerm } from './analysis'
import { SEARCH_BOOSTS, SEARCH_INDEX_FIELDS, type SearchDocument } from '../documents'

export const FIELDS = SEARCH_INDEX_FIELDS
export const BOOST = SEARCH_BOOSTS

const asIs = (text: string) => [text]
const unchanged = (term: string) => term

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
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 }
export const WEIGHTS = { fuzzy: 0.45, prefix: 0.375 }

type FieldTermData = Map<number, Map<number, number>>

/** One term of a saved index: the term, then for each field its id and (short id, frequency) pairs, flattened. */
export type SavedTerm = [term: string, fields: [fieldId: number, postings: number[]][]]

/** One ranked document: its id, its final score, and the index terms it matched. */
export type RankedMatch = { id: string; score: number; terms: string[] }

/**
 * MiniSearch with a faster way to take the top few results of a query.
 *
 * `engine.search` scores every matching post into a result object per post
 * (plus one per field and term), builds a second object per post, then sorts
 * them all, only for us to keep ten: for a word every post has, that is most of
 * a query's time (docs/search.md#how-the-top-results-are-found has the figures).
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
export class PostSearch extends MiniSearch<SearchDocument> {
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

  /** Terms whose postings are still as saved: converted when a query first reaches them (see `adoptSavedTerms`). */
  private savedLeft = 0

  /**
   * Terms saved by `savedTerms`, put in MiniSearch's term tree with their
   * postings as saved. A term's postings become MiniSearch's own maps (what its
   * `loadJS` would build from `toJSON`) when a query first reaches the term,
   * and every term's before anything of MiniSearch's own reads or changes the
   * index. Building every term's maps at load took half of loading the index,
   * and much more memory, for terms most queries never touch
   * (docs/search.md#built-at-build-time-loaded-at-start).
   */
  adoptSavedTerms(terms: readonly SavedTerm[]): void {
    for (const [term, fields] of terms) this._index.set(term, fields as unknown as FieldTermData)
    this.savedLeft += terms.length
  }

  /** A term's postings as MiniSearch keeps them, converting them (once) if they are still as saved. */
  private termData(term: string, data: FieldTermData | SavedTerm[1]): FieldTermData {
    if (data instanceof Map) return data
    const converted: FieldTermData = new Map()
    for (const [fieldId, postings] of data) {
      const freqs = new Map<number, number>()
      for (let at = 0; at < postings.length; at += 2) freqs.set(postings[at], postings[at + 1])
      converted.set(fieldId, freqs)
    }
    // Replacing a value leaves the tree's shape alone, so a walk over it (atPrefix) carries on unharmed.
    this._index.set(term, converted)
    this.savedLeft--
    return converted
  }

  /** Every term's postings as MiniSearch's maps: before MiniSearch's own methods, which know only those. */
  private convertAllSavedTerms(): void {
    if (this.savedLeft === 0) return
    for (const [term, data] of this._index) this.termData(term, data)
  }

  /** Terms whose postings have not been converted yet (for the tests). */
  get unconvertedTerms(): number {
    return this.savedLeft
  }

  override add(document: SearchDocument): void {
    this.convertAllSavedTerms()
    super.add(document)
  }

  override discard(id: unknown): void {
    this.convertAllSavedTerms()
    super.discard(id)
  }

  override remove(document: SearchDocument): void {
    this.convertAllSavedTerms()
    super.remove(document)
  }

  override search(...args: Parameters<MiniSearch<SearchDocument>['search']>): ReturnType<MiniSearch<SearchDocument>['search']> {
    this.convertAllSavedTerms()
    return super.search(...args)
  }

  override vacuum(...args: Parameters<MiniSearch<SearchDocument>['vacuum']>): ReturnType<MiniSearch<SearchDocument>['vacuum']> {
    this.convertAllSavedTerms()
    return super.vacuum(...args)
  }

  override toJSON(): AsPlainObject {
    this.convertAllSavedTerms()
    return super.toJSON()
  }

  /** `toJSON()` without its term list (MiniSearch's serialization version 2). */
  savedHeader(): AsPlainObject {
    return {
      documentCount: this._documentCount,
      nextId: this._nextId,
      documentIds: Object.fromEntries(this._documentIds),
      fieldIds: this._fieldIds,
      fieldLength: Object.fromEntries(this._fieldLength),
      averageFieldLength: this._avgFieldLength,
      storedFields: Object.fromEntries(this._storedFields),
      dirtCount: this._dirtCount,
      index: [],
      serializationVersion: 2,
    }
  }

  /**
   * `toJSON().index` in a compact form (postings as flat number pairs, which
   * parse and load in half the time of objects keyed by id), in batches of
   * about `postings` postings each, so no batch is much more work to load than
   * another: the commonest words have a posting in every post.
   */
  *savedTerms(postings: number): Generator<SavedTerm[]> {
    this.convertAllSavedTerms()
    let batch: SavedTerm[] = []
    let count = 0
    for (const [term, fields] of this._index) {
      const saved: SavedTerm[1] = []
      for (const [fieldId, freqs] of fields) {
        const pairs: number[] = []
        freqs.forEach((freq, shortId) => pairs.push(shortId, freq))
        saved.push([fieldId, pairs])
        count += freqs.size
      }
      batch.push([term, saved])
      if (count >= postings) {
        yield batch
        batch = []
        count = 0
      }
    }
    if (batch.length > 0) yield batch
  }

  /** The ids of every indexed document. */
  ids(): string[] {
    return [...this._documentIds.values()] as string[]
  }

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
    if (exact) derived.push({ term, data: this.termData(term, exact), weight: 1 })
    const prefixed = new Set<string>()
    if (prefix) {
      for (const [found, data] of this._index.atPrefix(term)) {
        const distance = found.length - term.length
        if (!distance) continue
        prefixed.add(found)
        derived.push({ term: found, data: this.termData(found, data), weight: (WEIGHTS.prefix * found.length) / (found.length + 0.3 * distance) })
      }
    }
    if (fuzzy) {
      for (const [found, [data, distance]] of this._index.fuzzyGet(term, fuzzy)) {
        if (!distance || prefixed.has(found)) continue
        derived.push({ term: found, data: this.termData(found, data), weight: (WEIGHTS.fuzzy * found.length) / (found.length + distance) })
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
