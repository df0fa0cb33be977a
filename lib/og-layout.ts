/**
 * Pure text fitting for the Open Graph cards. The card renderer draws exactly
 * the lines chosen here, one element per line, so a title can never run past
 * its box: it shrinks through a few sizes, then is clamped with an ellipsis.
 */

/** Width of a run of text in ems at the card's font (see lib/font-metrics.ts). */
export type Measure = (text: string) => number

export type FitStep = { fontSize: number; maxLines: number }

export type TextFit = { fontSize: number; lines: string[]; clamped: boolean }

export const ELLIPSIS = '…'

/** Drops characters the card font cannot draw, so the renderer never reaches for a network fallback font or emoji. */
export function keepDrawable(text: string, hasGlyph: (codePoint: number) => boolean): string {
  let kept = ''
  for (const char of text) {
    const codePoint = char.codePointAt(0)!
    if (/\s/.test(char)) kept += ' '
    else if (hasGlyph(codePoint)) kept += char
  }
  return kept.replace(/ {2,}/g, ' ').trim()
}

/** Cuts a word wider than a line into line-wide pieces, since it has no space to break at. */
function splitLongWord(word: string, maxWidthEm: number, measure: Measure): string[] {
  const pieces: string[] = []
  let piece = ''
  for (const char of word) {
    if (piece && measure(piece + char) > maxWidthEm) {
      pieces.push(piece)
      piece = ''
    }
    piece += char
  }
  if (piece) pieces.push(piece)
  return pieces
}

/** Greedy word wrap: as many words on each line as fit. */
export function wrapWords(text: string, maxWidthEm: number, measure: Measure): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ').filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word
    if (measure(candidate) <= maxWidthEm) {
      line = candidate
      continue
    }
    if (line) lines.push(line)
    line = ''
    const pieces = measure(word) <= maxWidthEm ? [word] : splitLongWord(word, maxWidthEm, measure)
    lines.push(...pieces.slice(0, -1))
    line = pieces.at(-1) ?? ''
  }
  if (line) lines.push(line)
  return lines
}

/** Shortens one line so it, plus an ellipsis, fits: whole words first, characters only for a single giant word. */
export function withEllipsis(line: string, maxWidthEm: number, measure: Measure): string {
  // Punctuation or a dash left hanging before the ellipsis reads as a typo.
  const finish = (text: string) => text.replace(/[\s,;:.\-–—]+$/u, '') + ELLIPSIS
  let words = line.split(' ')
  while (words.length > 1 && measure(finish(words.join(' '))) > maxWidthEm) words = words.slice(0, -1)
  let text = words.join(' ')
  let chars = [...text]
  while (chars.length > 1 && measure(finish(chars.join(''))) > maxWidthEm) chars = chars.slice(0, -1)
  text = chars.join('')
  return finish(text)
}

/** Fits one line of text (a name, a tag) to a width, with an ellipsis when it is too long. */
export function truncateToWidth(text: string, maxWidthEm: number, measure: Measure): string {
  return measure(text) <= maxWidthEm ? text : withEllipsis(text, maxWidthEm, measure)
}

/**
 * The largest step whose size fits the text in its line limit; when none does,
 * the last (smallest) step with the text cut after its last line and an ellipsis.
 */
export function fitText(text: string, widthPx: number, steps: readonly FitStep[], measure: Measure): TextFit {
  if (steps.length === 0) throw new Error('fitText needs at least one step')
  for (const { fontSize, maxLines } of steps) {
    const lines = wrapWords(text, widthPx / fontSize, measure)
    if (lines.length <= maxLines) return { fontSize, lines, clamped: false }
  }
  const { fontSize, maxLines } = steps.at(-1)!
  const maxWidthEm = widthPx / fontSize
  const lines = wrapWords(text, maxWidthEm, measure).slice(0, maxLines)
  lines[maxLines - 1] = withEllipsis(lines[maxLines - 1], maxWidthEm, measure)
  return { fontSize, lines, clamped: true }
}

/** The card shows at most this many tags, in the post's order. */
export const MAX_CARD_TAGS = 3

export function cardTags(tags: readonly string[]): string[] {
  return tags.slice(0, MAX_CARD_TAGS)
}
