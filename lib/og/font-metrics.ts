/**
 * Reads the two facts card layout needs from a TrueType font: which characters
 * it has, and how wide each one is. Measuring with the font we render with
 * lets the card wrap a title itself, so it knows the line count before drawing.
 */

export type FontMetrics = {
  unitsPerEm: number
  /** Advance width in font units, by code point; a code point missing here has no glyph. */
  advances: ReadonlyMap<number, number>
}

function tableOffsets(view: DataView): Map<string, number> {
  const tables = new Map<string, number>()
  const count = view.getUint16(4)
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16
    const tag = String.fromCharCode(...[0, 1, 2, 3].map((k) => view.getUint8(record + k)))
    tables.set(tag, view.getUint32(record + 8))
  }
  return tables
}

/** Code point → glyph id from a format 4 (BMP) or format 12 (full Unicode) cmap subtable. */
function readCmapSubtable(view: DataView, offset: number): Map<number, number> {
  const glyphs = new Map<number, number>()
  const format = view.getUint16(offset)
  if (format === 12) {
    const groups = view.getUint32(offset + 12)
    for (let g = 0; g < groups; g++) {
      const group = offset + 16 + g * 12
      const start = view.getUint32(group)
      const end = view.getUint32(group + 4)
      const firstGlyph = view.getUint32(group + 8)
      for (let c = start; c <= end; c++) glyphs.set(c, firstGlyph + c - start)
    }
    return glyphs
  }
  if (format !== 4) throw new Error(`Unsupported cmap format ${format}`)
  const segCountX2 = view.getUint16(offset + 6)
  const endCodes = offset + 14
  const startCodes = endCodes + segCountX2 + 2
  const idDeltas = startCodes + segCountX2
  const idRangeOffsets = idDeltas + segCountX2
  for (let s = 0; s < segCountX2; s += 2) {
    const start = view.getUint16(startCodes + s)
    const end = view.getUint16(endCodes + s)
    const delta = view.getInt16(idDeltas + s)
    const rangeOffset = view.getUint16(idRangeOffsets + s)
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number
      if (rangeOffset === 0) {
        glyph = (c + delta) & 0xffff
      } else {
        glyph = view.getUint16(idRangeOffsets + s + rangeOffset + 2 * (c - start))
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff
      }
      if (glyph !== 0) glyphs.set(c, glyph)
    }
  }
  return glyphs
}

function readCmap(view: DataView, cmap: number): Map<number, number> {
  const count = view.getUint16(cmap + 2)
  const subtables = new Map<string, number>()
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + i * 8
    subtables.set(`${view.getUint16(record)}/${view.getUint16(record + 2)}`, cmap + view.getUint32(record + 4))
  }
  // Windows full Unicode first, then Windows BMP, then any Unicode-platform table.
  const chosen = subtables.get('3/10') ?? subtables.get('3/1') ?? [...subtables].find(([key]) => key.startsWith('0/'))?.[1]
  if (chosen === undefined) throw new Error('Font has no Unicode cmap')
  return readCmapSubtable(view, chosen)
}

export function readFontMetrics(data: Uint8Array): FontMetrics {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  const tables = tableOffsets(view)
  const head = tables.get('head')
  const hhea = tables.get('hhea')
  const hmtx = tables.get('hmtx')
  const cmap = tables.get('cmap')
  if (head === undefined || hhea === undefined || hmtx === undefined || cmap === undefined) {
    throw new Error('Not a TrueType font with head, hhea, hmtx and cmap tables')
  }
  const unitsPerEm = view.getUint16(head + 18)
  const longMetrics = view.getUint16(hhea + 34)
  // Glyphs past the long metrics share the last advance (monospaced tails).
  const advanceOf = (glyph: number) => view.getUint16(hmtx + 4 * Math.min(glyph, longMetrics - 1))
  const advances = new Map<number, number>()
  for (const [codePoint, glyph] of readCmap(view, cmap)) advances.set(codePoint, advanceOf(glyph))
  return { unitsPerEm, advances }
}

/** Width of a run of text in ems, ignoring kerning; a character the font lacks counts as a wide one. */
export function textWidthEm(metrics: FontMetrics, text: string): number {
  let units = 0
  for (const char of text) units += metrics.advances.get(char.codePointAt(0)!) ?? metrics.unitsPerEm
  return units / metrics.unitsPerEm
}
