/**
 * Fonts for scripts beyond Latin, Greek and Cyrillic, read from the Noto
 * packages on npm (Fontsource's WOFF files) only when a card's text uses
 * them, and only the pieces it uses:
 *
 * - Chinese, Japanese kana and common Korean: Noto Sans SC, which Fontsource
 *   cuts into ~100 files of a few hundred characters each (its CSS names each
 *   file's unicode-range). A card loads the files that hold its characters,
 *   and Satori draws them.
 * - Arabic script (Arabic, Persian, Urdu…): Noto Sans Arabic, shaped by
 *   fontkit (joining forms, lam-alef, marks placed by GPOS) and drawn as
 *   outlines (./shaping.ts), since Satori neither joins letters nor lays
 *   them out right to left.
 *
 * docs/og.md has the bytes loaded per script and the render times.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import * as fontkit from 'fontkit'

export type FontWeight = 400 | 700

const FONTSOURCE = path.join(process.cwd(), 'node_modules', '@fontsource')

/** A file of a Fontsource family and the code points it covers, from the family's CSS. */
type Subset = { file: string; ranges: [number, number][] }

function readSubsets(family: string, weight: FontWeight): Subset[] {
  const css = readFileSync(path.join(FONTSOURCE, family, `${weight}.css`), 'utf8')
  const subsets: Subset[] = []
  for (const face of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([^)]+\.woff)\)/.exec(face)?.[1]
    const ranges = /unicode-range:\s*([^;]+);/.exec(face)?.[1]
    if (!file || !ranges) continue
    subsets.push({
      file: path.join(FONTSOURCE, family, 'files', file),
      ranges: ranges.split(',').map((range) => {
        const [start, end] = range.trim().replace(/^U\+/i, '').split('-')
        return [parseInt(start, 16), parseInt(end ?? start, 16)]
      }),
    })
  }
  return subsets
}

/** Han, kana, Hangul, CJK punctuation and full-width forms: what Noto Sans SC is asked to draw. */
const CJK =
  /[\u1100-\u11ff\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3200-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|[\u{20000}-\u{3134f}]/u

export function isCjk(char: string): boolean {
  return CJK.test(char)
}

const cjkSubsets = new Map<FontWeight, Subset[]>()

function cjkSubsetOf(codePoint: number, weight: FontWeight): Subset | undefined {
  let subsets = cjkSubsets.get(weight)
  if (!subsets) cjkSubsets.set(weight, (subsets = readSubsets('noto-sans-sc', weight)))
  return subsets.find((subset) => subset.ranges.some(([start, end]) => codePoint >= start && codePoint <= end))
}

export function cjkHasGlyph(codePoint: number): boolean {
  return isCjk(String.fromCodePoint(codePoint)) && cjkSubsetOf(codePoint, 400) !== undefined && cjkSubsetOf(codePoint, 700) !== undefined
}

/** A font file for Satori. */
export type CardFont = { name: string; data: Buffer; weight: FontWeight; style: 'normal' }

export const CJK_FAMILY = 'Noto Sans SC'

const fileCache = new Map<string, Buffer>()

function readCached(file: string): Buffer {
  let data = fileCache.get(file)
  if (!data) fileCache.set(file, (data = readFileSync(file)))
  return data
}

/** The Noto Sans SC files that hold the CJK characters of `text` at `weight`, for Satori. */
export function cjkFontsFor(text: string, weight: FontWeight): CardFont[] {
  const files = new Set<string>()
  for (const char of text) {
    if (!isCjk(char)) continue
    const subset = cjkSubsetOf(char.codePointAt(0)!, weight)
    if (subset) files.add(subset.file)
  }
  return [...files].sort().map((file) => ({ name: `${CJK_FAMILY} ${path.basename(file, '.woff')}`, data: readCached(file), weight, style: 'normal' }))
}

const ARABIC_SCRIPT = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/u

export function isArabicScript(char: string): boolean {
  return ARABIC_SCRIPT.test(char)
}

const arabicFonts = new Map<FontWeight, fontkit.Font>()

/** Noto Sans Arabic at a weight, read and parsed on first use. */
export function arabicFont(weight: FontWeight): fontkit.Font {
  let font = arabicFonts.get(weight)
  if (!font) {
    const file = path.join(FONTSOURCE, 'noto-sans-arabic', 'files', `noto-sans-arabic-arabic-${weight}-normal.woff`)
    arabicFonts.set(weight, (font = fontkit.create(readCached(file)) as fontkit.Font))
  }
  return font
}

/** Bytes of font files this process has read for scripts beyond Latin (for the benchmark). */
export function scriptFontBytesRead(): number {
  let total = 0
  for (const data of fileCache.values()) total += data.byteLength
  return total
}
