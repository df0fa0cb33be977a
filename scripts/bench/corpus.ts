/**
 * Synthetic prose for the benchmarks: a vocabulary of real and invented words
 * drawn with Zipf-like frequencies, as in real writing, from a seeded generator
 * so every run and every machine sees the same text. The search section indexes
 * it directly; the scale section writes it into MDX posts.
 */

/** mulberry32: small, fast and the same sequence on every machine, so runs compare. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ONSETS = [
  'b',
  'c',
  'd',
  'f',
  'g',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'w',
  'br',
  'ch',
  'cl',
  'dr',
  'gr',
  'pl',
  'sh',
  'st',
  'th',
  'tr',
]
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'io']
const CODAS = ['', '', '', 'n', 'r', 's', 't', 'l', 'nd', 'st', 'ck']
const SUFFIXES = ['', '', '', 's', 'ing', 'ed', 'er', 'ation', 'ly', 'ness', 'ment']
// Real words keep stemming, typo and stop-word handling honest alongside the invented ones.
const ENGLISH =
  'council digital service usability dashboard hack open data government local public leader network design user research accessibility content website team project community library housing transport planning budget'.split(
    ' ',
  )
const FILLER = 'the a of and to in is for with on that as by this we our'.split(' ')

export type Writer = {
  /** Most common first. */
  vocabulary: string[]
  pick: <T>(list: readonly T[]) => T
  word: () => string
  /** Capitalised, with a full stop. */
  sentence: (length: number) => string
}

/** About 16,000 distinct words (12,000 roots, a third with a suffixed form too). */
export function makeWriter(random: () => number): Writer {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]
  const roots = new Set<string>(ENGLISH)
  while (roots.size < 12_000) {
    const syllables = 1 + Math.floor(random() * 3)
    let word = ''
    for (let i = 0; i < syllables; i++) word += pick(ONSETS) + pick(VOWELS)
    roots.add(word + pick(CODAS))
  }
  const vocabulary = [...roots].flatMap((root, i) => (i % 3 === 0 ? [root, root + pick(SUFFIXES.slice(3))] : [root]))
  // Zipf-like: a word's chance falls with its rank, as in real prose.
  const cumulative: number[] = []
  let sum = 0
  for (let rank = 1; rank <= vocabulary.length; rank++) cumulative.push((sum += 1 / rank))
  const word = () => {
    if (random() < 0.3) return pick(FILLER)
    const target = random() * sum
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid] < target) lo = mid + 1
      else hi = mid
    }
    return vocabulary[lo]
  }
  const sentence = (length: number) => {
    const words = Array.from({ length }, word)
    words[0] = words[0][0].toUpperCase() + words[0].slice(1)
    return words.join(' ') + '.'
  }
  return { vocabulary, pick, word, sentence }
}
