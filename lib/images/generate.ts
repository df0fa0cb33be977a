/**
 * Build-time variants with sharp: every allowed width in WebP and in the
 * source's own kind (JPEG, or PNG with alpha), written once into the
 * content-addressed store. Nothing here runs while serving a request.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pLimit from 'p-limit'
import sharp from 'sharp'
import {
  AVIF_EFFORT,
  AVIF_QUALITY,
  IMAGE_WIDTHS,
  JPEG_QUALITY,
  MODERN_FORMAT,
  PIPELINE_VERSION,
  imageStoreDir,
  variantStoreName,
  type FallbackFormat,
  type ProcessedImage,
  type VariantFormat,
} from './config'

/** Widths to make for a source this wide: the allowed ones below it, plus its own width when it is smaller than the largest. */
export function variantWidths(sourceWidth: number): number[] {
  const below = IMAGE_WIDTHS.filter((width) => width < sourceWidth)
  const largest = IMAGE_WIDTHS.at(-1)!
  return sourceWidth <= largest ? [...below, sourceWidth] : [...below]
}

function safeName(file: string): string {
  const stem = path.basename(file, path.extname(file))
  const name = stem
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return name || 'image'
}

function encode(pipeline: sharp.Sharp, format: VariantFormat): sharp.Sharp {
  if (format === 'avif') return pipeline.avif({ quality: AVIF_QUALITY, effort: AVIF_EFFORT })
  if (format === 'png') return pipeline.png({ palette: false, compressionLevel: 9 })
  return pipeline.jpeg({ quality: JPEG_QUALITY, mozjpeg: true })
}

/** Writes beside the target then renames, so a killed build never leaves a half file at an immutable address. */
function writeAtomically(file: string, data: Buffer) {
  mkdirSync(path.dirname(file), { recursive: true })
  const temporary = `${file}.${process.pid}.tmp`
  writeFileSync(temporary, data)
  renameSync(temporary, file)
}

async function process_(file: string, store: string): Promise<ProcessedImage> {
  const source = readFileSync(file)
  const hash = createHash('sha256').update(`sandbank-images-v${PIPELINE_VERSION}\0`).update(source).digest('hex').slice(0, 16)
  const metadata = await sharp(source).metadata()
  const upright = metadata.autoOrient ?? metadata
  if (!upright.width || !upright.height) throw new Error(`${file}: sharp could not read its size`)
  const fallback: FallbackFormat = metadata.hasAlpha ? 'png' : 'jpg'
  const widths = variantWidths(upright.width)
  for (const width of widths) {
    for (const format of [MODERN_FORMAT, fallback] as const) {
      const target = path.join(store, variantStoreName(hash, width, format))
      if (existsSync(target)) continue
      // rotate() applies EXIF orientation; metadata (EXIF, GPS) is not copied into the output.
      const pipeline = sharp(source, { limitInputPixels: 100_000_000 }).rotate().resize({ width, withoutEnlargement: true })
      writeAtomically(target, await encode(pipeline, format).toBuffer())
    }
  }
  return { name: safeName(file), hash, width: upright.width, height: upright.height, fallback, widths }
}

/** One source decoded per core at a time: a 3000×2000 photo is ~18 MB raw, and the build shares the machine. */
const limit = pLimit(Math.max(1, os.availableParallelism()))
sharp.concurrency(1)

const inFlight = new Map<string, Promise<ProcessedImage>>()

/** Forgets what this process has processed, so the next call hashes and checks the store as a new build would. */
export function forgetProcessedImages() {
  inFlight.clear()
}

/**
 * Processes one source file (memoised per file version within a build, since
 * several posts and fields may show the same picture).
 */
export function processImage(file: string, store: string = imageStoreDir()): Promise<ProcessedImage> {
  const stat = statSync(file)
  const key = `${store}\0${file}\0${stat.size}\0${stat.mtimeMs}`
  let job = inFlight.get(key)
  if (!job) {
    job = limit(() => process_(file, store))
    inFlight.set(key, job)
    job.catch(() => inFlight.delete(key))
  }
  return job
}
