/** Snippets: the passage of a post that best shows why it matched, with the matched words marked and everything else escaped. */
import { foldWord, isUnspaced, joinedParts, stemOf } from './analysis'

const SNIPPET_CHARS = 200

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** True when a word of the text is one the index matched, as written, by its stem, or (Persian) by a part. */
function isMatched(word: string, matched: ReadonlySet<string>): boolean {
  const folded = foldWord(word)
  return matched.has(folded) || matched.has(stemOf(folded))
}

/** A Persian word written with a zero-width non-joiner matches by any of its parts too. */
function isMatchedPart(word: string, matched: ReadonlySet<string>): boolean {
  return word.includes('\u200c') && joinedParts(word).some((part) => matched.has(part))
}

type Span = { start: number; end: number; term: string }

/** Enough matches to choose a good passage; stopping there bounds the work for very common words. */
const MAX_SPANS = 60

/** [A-Za-z0-9]: the ASCII part of WORD (\p{M} has no ASCII members). */
const ASCII_WORD = new Uint8Array(128).map((_, c) => Number((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)))
/** WORD for one code point at lastIndex, for the rare non-ASCII characters. */
const WORD_AT = /[\p{L}\p{N}\p{M}\u200c\u200d]/uy

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

/** Where the terms occur in a run written without spaces, in order, the longest first where two overlap. */
function termsIn(run: string, offset: number, terms: readonly string[]): Span[] {
  const found: Span[] = []
  const folded = foldWord(run)
  // Folding leaves Han and kana as they are, so positions in the folded run are positions in the text.
  if (folded.length !== run.length) return found
  for (const term of terms) {
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + term.length)) {
      found.push({ start: offset + at, end: offset + at + term.length, term })
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  return found.filter((span, i) => i === 0 || span.start >= found[i - 1].end)
}

/**
 * The same words as `text.matchAll(WORD)`, scanned by hand because a body of
 * ~800 words would otherwise allocate a match per word on every search.
 */
function matchedSpans(text: string, matched: ReadonlySet<string>): Span[] {
  const spans: Span[] = []
  let unspacedTerms: string[] | undefined
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
    const first = text.charCodeAt(start)
    const second = at - start > 1 ? text.charCodeAt(start + 1) : 0
    const asciiHead = first < 128 && second < 128
    // One ASCII character, or two: a head that no matched term has.
    if (heads && asciiHead && !heads.has(lowerAscii(first) * 128 + lowerAscii(second))) continue
    const word = text.slice(start, at)
    // Chinese, Japanese and Persian words never start with two ASCII characters, so the common
    // case pays for neither test below (snippets scan every word of ten posts per query).
    if (!asciiHead && isUnspaced(word)) {
      // A run of Chinese or Japanese is a sentence, not a word. Its matched terms (words, or a
      // word's endings: ./analysis.ts) are found in it as they are; segmenting each run again
      // cost milliseconds a hit.
      unspacedTerms ??= [...matched].filter(isUnspaced)
      spans.push(...termsIn(word, start, unspacedTerms))
      if (spans.length >= MAX_SPANS) break
    } else if (isMatched(word, matched) || (!asciiHead && isMatchedPart(word, matched))) {
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
export function openingOf(text: string, size: number = SNIPPET_CHARS): string {
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
