/**
 * A post's pictures as pages, cards and JSON-LD show them. It takes the few
 * fields it reads rather than lib/content's Post, which holds the hero's
 * ProcessedImage: lib/content depends on this folder, never the other way.
 */
import { absoluteUrl } from '../config'
import { postUrl } from '../routes'
import type { ProcessedImage } from './config'
import { variantUrl } from './urls'

/** What a post says about its hero: `image` and `imageAlt` as written, and the variants the build made of a local one. */
type HeroFields = { slug: string; image?: string; imageAlt?: string; hero?: ProcessedImage }

/** The pictures the content build made for a post's body, by src (read with the body, not kept in the metadata index). */
export function postImages(body: { images?: Record<string, ProcessedImage> }): Record<string, ProcessedImage> {
  return body.images ?? {}
}

/** The post's hero picture (`image` frontmatter, a local file) with its alt text. */
export function postHero(post: Pick<HeroFields, 'hero' | 'imageAlt'>): { image: ProcessedImage; alt: string } | undefined {
  return post.hero ? { image: post.hero, alt: post.imageAlt ?? '' } : undefined
}

/** A hero left on another site (an import that could not bring it home): shown as it is, not resized or drawn into the card. */
export function remoteHero(post: Pick<HeroFields, 'image' | 'imageAlt'>): { src: string; alt: string } | undefined {
  return post.image && /^https?:\/\//i.test(post.image) ? { src: post.image, alt: post.imageAlt ?? '' } : undefined
}

/** An absolute address of the hero in JPEG/PNG, at the largest generated width up to `maxWidth`, for JSON-LD. */
export function postHeroUrl(post: HeroFields, maxWidth = 1440): string | undefined {
  const hero = postHero(post)
  if (!hero) return remoteHero(post)?.src
  const width = [...hero.image.widths].reverse().find((w) => w <= maxWidth) ?? hero.image.widths[0]
  return absoluteUrl(variantUrl(hero.image, width, hero.image.fallback, { prefix: postUrl(post) }))
}
