/**
 * A post's pictures, checked and generated: the body's `![alt](src)` and
 * `<Figure src>` plus the `image` frontmatter (the hero). Called from the
 * Contentlayer build, so every problem becomes a build error naming the file.
 */
import path from 'node:path'
import type { ProcessedImage } from './config'
import { processImage } from './generate'
import { findImageReferences, resolveImageSource, type SourceDirs } from './references'

/** A content problem the build reports against one frontmatter field or the body. */
export class ImageContentError extends Error {
  constructor(
    readonly field: 'body' | 'image' | 'imageAlt',
    readonly problem: string,
  ) {
    super(`field "${field}" ${problem}`)
  }
}

export type PostImagesInput = SourceDirs & {
  body: string
  /** Lines of frontmatter above the body, added to reported line numbers: asked only when there is a problem to report. */
  lineOffset?: () => number
  image?: string
  imageAlt?: string
  /** Remote hosts the site allows (IMAGE_REMOTE_HOSTS); others still build, with a warning, since the CSP will block them. */
  remoteHosts: readonly string[]
  store?: string
}

export type PostImages = {
  /** By `imageKey(src)`. */
  images: Record<string, ProcessedImage>
  /** Remote images the CSP will block, for the build log. */
  blockedRemote: string[]
}

export function hostAllowed(hostname: string, allowed: readonly string[]): boolean {
  const host = hostname.toLowerCase()
  return allowed.some((entry) => (entry.startsWith('*.') ? host.endsWith(entry.slice(1)) : host === entry))
}

export async function collectPostImages(input: PostImagesInput): Promise<PostImages> {
  const files = new Map<string, string>()
  const blockedRemote: string[] = []

  if (input.image !== undefined) {
    if (!input.imageAlt?.trim())
      throw new ImageContentError('imageAlt', 'is required with "image": describe the picture for readers who cannot see it')
    const hero = resolveImageSource(input.image, input)
    if (hero.kind === 'invalid') throw new ImageContentError('image', hero.problem)
    // A remote hero (an import whose featured image stayed on the old site) is shown as it is, like a remote body image.
    if (hero.kind === 'remote' && !hostAllowed(hero.url.hostname, input.remoteHosts)) blockedRemote.push(hero.url.href)
    if (hero.kind === 'local') files.set(hero.key, hero.file)
  }

  for (const reference of findImageReferences(input.body)) {
    const where = () => (reference.line ? ` (line ${reference.line + (input.lineOffset?.() ?? 0)})` : '')
    if (reference.problem) throw new ImageContentError('body', `image "${reference.src}"${where()}: ${reference.problem}`)
    if (!reference.alt?.trim() && !reference.decorative) {
      throw new ImageContentError(
        'body',
        `image "${reference.src}"${where()} has no alt text: describe it, or mark a purely decorative <Figure> with \`decorative\``,
      )
    }
    const source = resolveImageSource(reference.src, input)
    if (source.kind === 'invalid') throw new ImageContentError('body', `image${where()} ${source.problem}`)
    if (source.kind === 'remote') {
      if (!hostAllowed(source.url.hostname, input.remoteHosts)) blockedRemote.push(source.url.href)
      continue
    }
    files.set(source.key, source.file)
  }
  const processed = await Promise.all([...files].map(async ([key, file]) => [key, await processImage(file, input.store)] as const))
  return { images: Object.fromEntries(processed), blockedRemote }
}

export function publicDirOf(root: string = process.cwd()): string {
  return path.join(root, 'public')
}
