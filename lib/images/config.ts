/**
 * What the image pipeline makes: widths, formats and qualities. Every width a
 * reader can be sent is listed here; nothing else is ever generated or served.
 * Chosen by measurement (docs/images.md, docs/benchmarks.md).
 */
import path from 'node:path'

/**
 * 1×, 1.5×, 2× and 3× of a phone's ~360 CSS px column, and 2× of the 672 px
 * (42rem) desktop column, so each common screen gets a file within ~10% of
 * the pixels it shows.
 */
export const IMAGE_WIDTHS = [360, 540, 720, 1080, 1440] as const

/** The `sizes` of a content image: the post column, 42rem wide, less the page's 1rem gutters on a narrow screen. */
export const CONTENT_IMAGE_SIZES = '(min-width: 44rem) 42rem, calc(100vw - 2rem)'

/** The width a feed reader or a search engine is given: large enough to show sharp, small enough for mobile data. */
export const FEED_IMAGE_WIDTH = 1080

/**
 * AVIF for the ~95% of browsers that decode it (29% fewer bytes than mozjpeg at
 * 720 px in the bench); the rest get the source's own kind (JPEG, or PNG when
 * it has alpha). WebP measured no smaller than mozjpeg, so it would only add files.
 */
export const MODERN_FORMAT = 'avif' as const
export type FallbackFormat = 'jpg' | 'png'
export type VariantFormat = typeof MODERN_FORMAT | FallbackFormat

/** sharp's default AVIF quality, made to look like JPEG ~80; effort 2 of 9 costs a quarter of effort 4 for ~5% more bytes. */
export const AVIF_QUALITY = 50
export const AVIF_EFFORT = 2
export const JPEG_QUALITY = 75

/** Bumped whenever the encoding changes, so every variant gets a new address past the immutable caches. */
export const PIPELINE_VERSION = 1

/** Source formats sharp decodes and the pipeline accepts. */
export const SOURCE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif'] as const

/**
 * Generated variants, content-addressed (`<hash>/<width>.<format>`), shared by
 * every build on this machine and kept between builds, so an unchanged photo
 * is never encoded twice. Safe to delete: the next build refills it.
 */
export function imageStoreDir(cwd: string = process.cwd()): string {
  return path.join(cwd, '.images')
}

export function variantStoreName(hash: string, width: number, format: VariantFormat): string {
  return `${hash}/${width}.${format}`
}

/** A variant in this server's store, written out so the bundler sees the path stays inside .images/. */
export function storedVariant(hash: string, width: number, format: VariantFormat): string {
  return path.join(process.cwd(), '.images', hash, `${width}.${format}`)
}

/** What a page needs to draw an image and name its files. Stored in the post's Contentlayer document. */
export type ProcessedImage = {
  /** A file-name-safe form of the source's name, so addresses say what they show. */
  name: string
  /** Content hash of the source bytes and the pipeline version. */
  hash: string
  /** Intrinsic size after EXIF rotation. */
  width: number
  height: number
  fallback: FallbackFormat
  /** Widths generated, ascending; the last is the largest a reader can get. */
  widths: number[]
}
