/**
 * Query analysis: how text becomes the words the index holds and a query
 * becomes the terms it looks up. docs/search.md explains the choices.
 *
 * What depends on a document's language (stemming, stop words) is decided
 * per document: the engine indexes each one inside `analysingLanguage`. What
 * depends on the script is decided per word, the same way for documents and
 * queries, since a query has no language of its own: Chinese and Japanese are
 * cut into words by Intl.Segmenter, and Arabic-script letters are normalised.
 */
import { stemmer } from 'stemmer'

/** Letters (any script), digits and combining marks, and the joiners inside Persian words; everything else separates words. */
const WORD = /[\p{L}\p{N}\p{M}\u200c\u200d]+/gu

/** Scripts written without spaces between words, which only a dictionary can cut: Han, kana, Thai, Lao, Khmer, Myanmar. */
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u
const KANA = /[\p{sc=Hiragana}\p{sc=Katakana}]/u
/**
 * Every one of those scripts is past U+0E00. This plain range is far cheaper
 * to test than the script properties, so most words (Latin, Welsh, Persian)
 * are cleared by it alone: indexing tests every word.
 */
const PAST_U0E00 = /[\u0e00-\uffff]/

function hasUnspaced(text: string): boolean {
  return PAST_U0E00.test(text) && UNSPACED.test(text)
}

/**
 * Too common to tell posts apart; dropping them keeps the index smaller and
 * stops "the" fuzzily matching "then", "they" and "she". Each list applies to
 * documents in its language; a query drops the words of both.
 */
const ENGLISH_STOP_WORDS = new Set(
  'a an and are as at be but by for from has have i in is it its of on or our so that the this to was we were will with you your'.split(' '),
)
const WELSH_STOP_WORDS = new Set('a ac am ar at ei eu gan hyn i mae na neu o oedd sy y yn yr'.split(' '))
const QUERY_STOP_WORDS = new Set([...ENGLISH_STOP_WORDS, ...WELSH_STOP_WORDS])

/** How a document's language is analysed: English is stemmed; other languages are indexed as written. */
type LanguageAnalysis = { stem: boolean; stopWords: ReadonlySet<string> }

const ENGLISH: LanguageAnalysis = { stem: true, stopWords: ENGLISH_STOP_WORDS }
const WELSH: LanguageAnalysis = { stem: false, stopWords: WELSH_STOP_WORDS }
const AS_WRITTEN: LanguageAnalysis = { stem: false, stopWords: new Set() }

function analysisFor(language: string | undefined): LanguageAnalysis {
  // A document without a language is English: what every index held before documents had one.
  const primary = language?.split('-')[0].toLowerCase() ?? 'en'
  return primary === 'en' ? ENGLISH : primary === 'cy' ? WELSH : AS_WRITTEN
}

/**
 * The language of the document being indexed. MiniSearch hands its term
 * processor only a term and a field name, so the engine's `add` sets this
 * around each (synchronous) `add` of MiniSearch's own.
 */
let indexing: LanguageAnalysis = ENGLISH

export function analysingLanguage<T>(language: string | undefined, index: () => T): T {
  const previous = indexing
  indexing = analysisFor(language)
  try {
    return index()
  } finally {
    indexing = previous
  }
}

const segmenters = new Map<string, Intl.Segmenter>()

function segmenterFor(word: string): Intl.Segmenter {
  // ICU's word dictionary covers Chinese and Japanese together; kana makes it Japanese for the rest of the rules.
  const language = KANA.test(word) ? 'ja' : 'zh'
  let segmenter = segmenters.get(language)
  if (!segmenter) segmenters.set(language, (segmenter = new Intl.Segmenter(language, { granularity: 'word' })))
  return segmenter
}

/** The words of a run written without spaces, as Intl.Segmenter's dictionary cuts them. */
export function segmentWords(run: string): string[] {
  const words: string[] = []
  for (const { segment, isWordLike } of segmenterFor(run).segment(run)) if (isWordLike) words.push(segment)
  return words
}

/** Whether a word is Chinese, Japanese or another script written without spaces (snippets cut those into words too). */
export function isUnspaced(word: string): boolean {
  return hasUnspaced(word)
}

export function tokenize(text: string): string[] {
  const words = text.match(WORD) ?? []
  // Most texts have no Chinese or Japanese; one scan of the text spares every word the test.
  if (!hasUnspaced(text)) return words
  return words.flatMap((word) => (hasUnspaced(word) ? segmentWords(word) : [word]))
}

const ARABIC_SCRIPT = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/
/**
 * Arabic letters with Persian twins, written either way depending on the
 * keyboard: Arabic kaf and yeh (and alef maksura) as Persian keheh and yeh,
 * teh marbuta and the heh forms as heh. Hamza and madda on alef, waw and yeh
 * are marks, which folding removes already, as it removes short vowels.
 */
const ARABIC_VARIANTS: Record<string, string> = {
  '\u0643': '\u06a9', // ك → ک
  '\u064a': '\u06cc', // ي → ی
  '\u0649': '\u06cc', // ى → ی
  '\u06d2': '\u06cc', // ے (Urdu yeh barree) → ی
  '\u0629': '\u0647', // ة → ه
  '\u06c0': '\u0647', // ۀ → ه
  '\u06c1': '\u0647', // ہ → ه
  '\u06be': '\u0647', // ھ → ه
  '\u06d5': '\u0647', // ە → ه
  '\u0671': '\u0627', // ٱ → ا
  '\u0640': '', // tatweel, the stretching stroke, is decoration
}
// Arabic-Indic and Persian digits as ASCII, so "۱۴۰۲" finds "1402".
for (let digit = 0; digit < 10; digit++) {
  ARABIC_VARIANTS[String.fromCharCode(0x0660 + digit)] = String(digit)
  ARABIC_VARIANTS[String.fromCharCode(0x06f0 + digit)] = String(digit)
}
/** Every character above, in one pass over the word. */
const ARABIC_VARIANT = new RegExp(`[${Object.keys(ARABIC_VARIANTS).join('')}]`, 'g')
const JOINERS = /[\u200c\u200d]/g

function normaliseArabicScript(word: string): string {
  return word.replace(ARABIC_VARIANT, (letter) => ARABIC_VARIANTS[letter])
}

// Folding a word beyond ASCII takes several passes (decomposition, marks, Arabic letters), and a
// language's words recur, so the folded forms are remembered, capped like the stems below.
const folds = new Map<string, string>()
const FOLD_CACHE_LIMIT = 200_000

/**
 * Case and accents folded, so "Café", "CAFE" and "cafe" are one word; in
 * Arabic script, short vowels and letter variants too, and the zero-width
 * non-joiner dropped ("می‌خواهم" is "میخواهم").
 */
export function foldWord(word: string): string {
  // Most words are plain ASCII and need no Unicode decomposition, which is the slow part.
  if (/^[\x00-\x7f]*$/.test(word)) return word.toLowerCase()
  let folded = folds.get(word)
  if (folded === undefined) {
    folded = word.normalize('NFKD').replace(/\p{M}/gu, '').replace(JOINERS, '').toLowerCase()
    if (ARABIC_SCRIPT.test(folded)) folded = normaliseArabicScript(folded)
    if (folds.size >= FOLD_CACHE_LIMIT) folds.clear()
    folds.set(word, folded)
  }
  return folded
}

/**
 * A Persian word written with a zero-width non-joiner ("می‌خواهم") is also
 * looked up as its parts, since readers type it with a space, a joiner or
 * nothing at all: the joined form finds the last two, the parts the first.
 */
export function joinedParts(word: string): string[] {
  return word
    .split(JOINERS)
    .map(foldWord)
    .filter((part) => part.length > 1)
}

/**
 * A Chinese or Japanese word with its endings of two characters or more: the
 * segmenter keeps compounds whole ("地方自治体", local government), and a
 * reader looking for their second half ("自治体") should find them too.
 * Queries are prefix-matched, so with the endings any part of a word finds it.
 */
function unspacedSuffixes(word: string): string[] {
  const characters = [...word]
  const terms = [word]
  for (let from = 1; from <= characters.length - 2; from++) terms.push(characters.slice(from).join(''))
  return terms
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
 * Each word is indexed as written (folded) and, in English, as its stem. The
 * stem finds "hack" from "hacking"; the written form keeps typo matching
 * honest, since a misspelling's stem can land far from the real word's
 * ("usabilty" → "usabilti", "usability" → "usabl"). Welsh and Persian are
 * never stemmed: Porter's English suffixes would cut "data" from "datblygu"'s
 * neighbours and mangle words it knows nothing of.
 */
export function indexTerms(term: string): string | string[] | null {
  const folded = foldWord(term)
  if (!folded || indexing.stopWords.has(folded)) return null
  if (term.includes('\u200c')) return [folded, ...joinedParts(term)]
  if (folded.length > 2 && hasUnspaced(folded)) return unspacedSuffixes(folded)
  if (!indexing.stem) return folded
  const stem = stemOf(folded)
  return stem === folded ? folded : [folded, stem]
}

/**
 * Typos allowed grow with the word: one from five letters, two from eight.
 * Shorter words get none: one edit away from a three- or four-letter word is
 * a crowd of unrelated words, which both muddies results and is the slowest
 * kind of lookup (see docs/search.md for the benchmark). Chinese and Japanese
 * words get none: a character changed is another word.
 */
function typoDistance(word: string): number {
  if (/\d/.test(word) || word.length < 5 || hasUnspaced(word)) return 0
  return word.length < 8 ? 1 : 2
}

/** Prefixes shorter than this expand to hundreds of words on a big site; whole words still match exactly. */
const MIN_PREFIX = 4
/** A Chinese or Japanese word of two characters is as specific as a Latin one of several letters. */
const MIN_UNSPACED_PREFIX = 2

/** One looked-up word: exact, and optionally prefix- and typo-expanded. */
export type QueryTerm = { term: string; prefix: boolean; fuzzy: number }

/**
 * One term per word, OR-ed so a typo in one word does not lose the post
 * (a post's score is multiplied by how many distinct terms it matched, so
 * posts matching more words still rank higher). Only the
 * last word is prefix-matched: it is the one still being typed, and prefix
 * lookups on every word are what make long queries slow. A word whose stem
 * differs is looked up a second time, as its stem, exactly. Chinese and
 * Japanese words are prefix-matched wherever they are, since the segmenter
 * may cut a query ("数字") shorter than the text around the same word ("数字化").
 */
export function queryTerms(query: string): QueryTerm[] {
  const written = tokenize(query).filter((word) => foldWord(word))
  const terms: QueryTerm[] = []
  written.forEach((raw, i) => {
    const word = foldWord(raw)
    if (raw.includes('\u200c')) for (const part of joinedParts(raw)) terms.push({ term: part, prefix: false, fuzzy: 0 })
    if (hasUnspaced(word)) {
      terms.push({ term: word, prefix: word.length >= MIN_UNSPACED_PREFIX, fuzzy: 0 })
      return
    }
    const isLast = i === written.length - 1
    const prefix = isLast && word.length >= MIN_PREFIX
    if (QUERY_STOP_WORDS.has(word)) {
      if (prefix) terms.push({ term: word, prefix: true, fuzzy: 0 })
      return
    }
    terms.push({ term: word, prefix, fuzzy: typoDistance(word) })
    const stem = stemOf(word)
    if (stem !== word) terms.push({ term: stem, prefix: false, fuzzy: 0 })
  })
  return terms
}
