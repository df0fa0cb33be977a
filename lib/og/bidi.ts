/**
 * Right-to-left text for the cards. Satori lays every line out left to right
 * (vercel/satori#74), so a line with Arabic or Hebrew in it is cut here into
 * runs in the order they are seen, by the Unicode bidirectional algorithm
 * (bidi-js): each right-to-left run is shaped and drawn by ./shaping.ts, and
 * each left-to-right run (Latin, digits, Chinese) is left to Satori as text.
 */
import bidiFactory from 'bidi-js'

const bidi = bidiFactory()

/** Strong right-to-left letters: Hebrew, Arabic, Syriac, Thaana, N'Ko and the rest of those blocks, and their presentation forms. */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u

export function hasRightToLeft(text: string): boolean {
  return RIGHT_TO_LEFT.test(text)
}

/** A run of one direction, as written (logical order), with brackets already mirrored in right-to-left runs. */
export type VisualRun = { text: string; rtl: boolean }

/**
 * The runs of one line, left to right as they are drawn (rule L2: each
 * sequence at or above a level is reversed, from the highest level down to
 * the lowest odd one). A right-to-left run keeps its characters in logical
 * order: its shaper lays it out right to left.
 */
export function visualRuns(line: string, direction: 'ltr' | 'rtl'): VisualRun[] {
  if (!line) return []
  const { levels } = bidi.getEmbeddingLevels(line, direction)
  const mirrored = bidi.getMirroredCharactersMap(line, levels)
  const characters = line.split('')
  for (const [index, mirror] of mirrored) characters[index] = mirror
  const runs: { text: string; level: number }[] = []
  for (let at = 0; at < characters.length;) {
    const level = levels[at]
    let end = at + 1
    while (end < characters.length && levels[end] === level) end++
    runs.push({ text: characters.slice(at, end).join(''), level })
    at = end
  }
  const highest = Math.max(...runs.map((run) => run.level))
  const lowestOdd = Math.min(...runs.map((run) => run.level).filter((level) => level % 2 === 1), highest + 1)
  for (let level = highest; level >= lowestOdd; level--) {
    for (let start = 0; start < runs.length; start++) {
      if (runs[start].level < level) continue
      let end = start
      while (end + 1 < runs.length && runs[end + 1].level >= level) end++
      runs.splice(start, end - start + 1, ...runs.slice(start, end + 1).reverse())
      start = end
    }
  }
  return runs.map(({ text, level }) => ({ text, rtl: level % 2 === 1 }))
}
