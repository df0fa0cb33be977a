/**
 * Addresses of generated variants. A post's images live under the post's own
 * address (`/posts/<slug>/images/…`, `/drafts/<slug>/images/…`), so whoever may
 * not read the post cannot fetch its pictures either. The file name carries the
 * content hash, so an address never changes meaning and can be cached forever.
 */
import path from 'node:path'
import { imageUrl } from '../routes'
import { CONTENT_IMAGE_SIZES, MODERN_FORMAT, type ProcessedImage, type VariantFormat } from './config'

/** The key a post's image map uses for a `src`: relative paths without `./`, site paths as written. */
export function imageKey(src: string): string {
  const trimmed = src.trim()
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed
  return path.posix.normalize(trimmed).replace(/^\.\//, '')
}

/** Where a rendering's image addresses start, and what they carry (a draft's share token). */
export type ImageBase = { prefix: string; query?: string }

export function variantFileName(image: Pick<ProcessedImage, 'name' | 'hash'>, width: number, format: VariantFormat): string {
  return `${image.name}-${image.hash}-${width}.${format}`
}

export function variantUrl(image: ProcessedImage, width: number, format: VariantFormat, base: ImageBase): string {
  return imageUrl(base.prefix, variantFileName(image, width, format), base.query)
}

export function srcSet(image: ProcessedImage, format: VariantFormat, base: ImageBase): string {
  return image.widths.map((width) => `${variantUrl(image, width, format, base)} ${width}w`).join(', ')
}

/** The fallback `src` for browsers without srcset: the smallest width a phone needs at 2×, or the largest there is. */
export function defaultWidth(image: ProcessedImage, wanted = 720): number {
  return image.widths.find((width) => width >= wanted) ?? image.widths.at(-1)!
}

export type ResponsiveImage = {
  width: number
  height: number
  sizes: string
  src: string
  srcSet: string
  sources: { type: string; srcSet: string }[]
}

/** Everything a <picture> needs: an AVIF source and the JPEG/PNG <img> with its own srcset. */
export function responsiveImage(image: ProcessedImage, base: ImageBase, sizes: string = CONTENT_IMAGE_SIZES): ResponsiveImage {
  return {
    width: image.width,
    height: image.height,
    sizes,
    src: variantUrl(image, defaultWidth(image), image.fallback, base),
    srcSet: srcSet(image, image.fallback, base),
    sources: [{ type: `image/${MODERN_FORMAT}`, srcSet: srcSet(image, MODERN_FORMAT, base) }],
  }
}

export type VariantRequest = { name: string; hash: string; width: number; format: VariantFormat }

/** Reads a requested variant file name; anything not of the generated shape is refused before any lookup. */
export function parseVariantFileName(fileName: string): VariantRequest | undefined {
  const match = /^([a-z0-9-]{1,60})-([0-9a-f]{16})-([1-9][0-9]{0,4})\.(avif|jpg|png)$/.exec(fileName)
  if (!match) return undefined
  return { name: match[1], hash: match[2], width: Number(match[3]), format: match[4] as VariantFormat }
}

/** The variant of one of this post's images that a request names, if the build made it. */
export function findVariant(images: Record<string, ProcessedImage>, request: VariantRequest): ProcessedImage | undefined {
  const image = Object.values(images).find((candidate) => candidate.hash === request.hash && candidate.name === request.name)
  if (!image || !image.widths.includes(request.width)) return undefined
  return request.format === MODERN_FORMAT || request.format === image.fallback ? image : undefined
}
