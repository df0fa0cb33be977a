/**
 * Right-to-left runs shaped by fontkit (Noto Sans Arabic's joining forms,
 * ligatures and mark positions) and drawn as outlines for Satori to place,
 * with the width that fitting measures the same text by.
 */
import type { Font } from 'fontkit'
import { arabicFont, isArabicScript, type FontWeight } from './script-fonts'

/** A right-to-left run as pixels: its outlines (SVG path data, y down, baseline at `baseline`) and its advance. */
export type ShapedRun = { width: number; paths: string[] }

/** The font for each character of a right-to-left run: Arabic script from Noto Sans Arabic, the rest (spaces, punctuation) from the card's Latin font. */
function fontRuns(text: string, weight: FontWeight, latin: Font): { text: string; font: Font }[] {
  const arabic = arabicFont(weight)
  const runs: { text: string; font: Font }[] = []
  for (const char of text) {
    const font = isArabicScript(char) || !latin.hasGlyphForCodePoint(char.codePointAt(0)!) ? arabic : latin
    const last = runs.at(-1)
    if (last && last.font === font) last.text += char
    else runs.push({ text: char, font })
  }
  return runs
}

/** Shaped widths of words in font units per em, remembered: fitting measures the same words many times. */
const widths = new Map<string, number>()
const WIDTH_CACHE_LIMIT = 5_000

/** The width of a right-to-left run in ems, as drawn by `shapeRun`. */
export function rightToLeftWidthEm(text: string, weight: FontWeight, latin: Font): number {
  const key = `${weight} ${text}`
  let width = widths.get(key)
  if (width === undefined) {
    width = 0
    for (const run of fontRuns(text, weight, latin))
      width += run.font.layout(run.text, undefined, undefined, undefined, 'rtl').advanceWidth / run.font.unitsPerEm
    if (widths.size >= WIDTH_CACHE_LIMIT) widths.clear()
    widths.set(key, width)
  }
  return width
}

/**
 * Outlines of a run in logical order, laid out in its direction: the pieces
 * of each font are shaped in that direction (fontkit returns glyphs in visual
 * order) and, right to left, placed last piece first, so the first character
 * is rightmost. Left-to-right runs come here only for Persian and Arabic
 * digits, which only the Arabic font has.
 */
export function shapeRun(text: string, direction: 'ltr' | 'rtl', fontSize: number, baseline: number, weight: FontWeight, latin: Font): ShapedRun {
  const paths: string[] = []
  let x = 0
  const pieces = fontRuns(text, weight, latin)
  for (const run of direction === 'rtl' ? pieces.reverse() : pieces) {
    const scale = fontSize / run.font.unitsPerEm
    const { glyphs, positions } = run.font.layout(run.text, undefined, undefined, undefined, direction)
    glyphs.forEach((glyph, index) => {
      const position = positions[index]
      const path = glyph.path.scale(scale, -scale).translate(x + position.xOffset * scale, baseline - position.yOffset * scale)
      const data = path.toSVG()
      if (data) paths.push(data)
      x += position.xAdvance * scale
    })
  }
  return { width: x, paths }
}
