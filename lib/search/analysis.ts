/**
 * Query analysis: how text becomes the words the index holds and a query
 * becomes the terms it looks up. docs/search.md explains the choices.
 */
import { stemmer } from 'stemmer'

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
export function indexTerms(term: string): string | string[] | null {
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
