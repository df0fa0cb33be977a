import { gunzipSync } from 'node:zlib'
import { unzipSync } from 'fflate'
import iconv from 'iconv-lite'

/** One XML document of an export, decoded to text. WordPress.com splits big sites over several. */
export type ExportDocument = { name: string; xml: string }

/** The export cannot be read at all; the message is for the person who ran the import. */
export class ExportInputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ExportInputError'
  }
}

const ZIP_MAGIC = [0x50, 0x4b] // "PK", then 03 04 (entry), 05 06 (empty archive) or 07 08 (spanned)
const GZIP_MAGIC = [0x1f, 0x8b]

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte)
}

function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP_MAGIC) && [0x03, 0x05, 0x07].includes(bytes[2]) && bytes[3] === bytes[2] + 1
}

/** The encoding named by `<?xml … encoding="…"?>`, read as ASCII since every encoding XML allows agrees on it. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1')
  return /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1]
}

/** Text of one XML file: byte-order mark first, then the declaration, then UTF-8 (the XML default). */
export function decodeXml(bytes: Uint8Array, name: string): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return Buffer.from(bytes.subarray(3)).toString('utf8')
  if (startsWith(bytes, [0xff, 0xfe])) return iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le')
  if (startsWith(bytes, [0xfe, 0xff])) return iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be')

  const encoding = declaredEncoding(bytes)
  if (!encoding || /^utf-?8$/i.test(encoding)) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      // WordPress writes UTF-8, but exports re-saved by an editor are often Windows-1252 with the declaration left alone.
      throw new ExportInputError(
        `${name} is not valid UTF-8, although ${encoding ? 'its XML declaration says UTF-8' : 'it declares no other encoding'}. ` +
          'It was probably re-saved in another encoding (such as Windows-1252): save it again as UTF-8, ' +
          'or put the right encoding in its first line, e.g. <?xml version="1.0" encoding="windows-1252"?>.',
      )
    }
  }
  // ISO-8859-1 is read as Windows-1252, as browsers and WordPress do: exports labelled Latin-1 hold curly quotes in 0x80–0x9F.
  const effective = /^(iso-?8859-1|latin-?1|us-ascii|ascii)$/i.test(encoding) ? 'windows-1252' : encoding
  if (!iconv.encodingExists(effective)) {
    throw new ExportInputError(`${name} declares the encoding "${encoding}", which the importer cannot read. Save it as UTF-8 and try again.`)
  }
  return iconv.decode(Buffer.from(bytes), effective)
}

/**
 * The XML documents in an export file: a plain .xml, a gzipped one, or a
 * .zip as WordPress.com sends it (one or more .xml files inside).
 */
export function readExport(bytes: Uint8Array, name: string): ExportDocument[] {
  if (bytes.length === 0) {
    throw new ExportInputError(
      `${name} is empty (0 bytes). Export again from WordPress (Tools → Export → All content) and check the download finished.`,
    )
  }
  if (isZip(bytes)) {
    let entries: Record<string, Uint8Array>
    try {
      entries = unzipSync(bytes, { filter: (file) => /\.xml$/i.test(file.name) && !/(^|\/)(__MACOSX|\.)/.test(file.name) })
    } catch (error) {
      throw new ExportInputError(
        `${name} is a zip archive that cannot be opened (${(error as Error).message}); it may be incomplete. Download the export again.`,
      )
    }
    const names = Object.keys(entries).sort()
    if (names.length === 0) {
      throw new ExportInputError(
        `${name} is a zip archive with no .xml file inside. WordPress.com exports are zipped WordPress XML files; check this is the export.`,
      )
    }
    return names.map((entry) => ({ name: `${name}:${entry}`, xml: decodeXml(entries[entry], `${name}:${entry}`) }))
  }
  if (startsWith(bytes, GZIP_MAGIC)) {
    let inflated: Uint8Array
    try {
      inflated = gunzipSync(bytes)
    } catch (error) {
      throw new ExportInputError(`${name} is gzip-compressed but cannot be decompressed (${(error as Error).message}); it may be incomplete.`)
    }
    return readExport(inflated, name.replace(/\.gz$/i, ''))
  }
  const xml = decodeXml(bytes, name)
  if (!xml.trim()) throw new ExportInputError(`${name} holds only white space. Export again from WordPress (Tools → Export → All content).`)
  return [{ name, xml }]
}
