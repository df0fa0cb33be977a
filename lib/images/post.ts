import { absoluteUrl } from '../config'
import type { Post } from '../content'
import { postUrl } from '../routes'
import type { ProcessedImage } from './config'
import { imageKey, variantUrl } from './urls'

type WithImages = Pick<Post, 'images' | 'image' | 'imageAlt'>

/** The pictures the content build made for a post, by src. */
export function postImages(post: Pick<Post, 'images'>): Record<string, ProcessedImage> {
  return (post.images ?? {}) as Record<string, ProcessedImage>
}

/** The post's hero picture (`image` frontmatter) with its alt text. */
export function postHero(post: WithImages): { image: ProcessedImage; alt: string } | undefined {
  if (!post.image) return undefined
  const image = postImages(post)[imageKey(post.image)]
  return image ? { image, alt: post.imageAlt ?? '' } : undefined
}

/** A hero left on another site (an import that could not bring it home): shown as it is, not resized or drawn into the card. */
export function remoteHero(post: Pick<Post, 'image' | 'imageAlt'>): { src: string; alt: string } | undefined {
  return post.image && /^https?:\/\//i.test(post.image) ? { src: post.image, alt: post.imageAlt ?? '' } : undefined
}

/** An absolute address of the hero in JPEG/PNG, at the largest generated width up to `maxWidth`, for JSON-LD. */
export function postHeroUrl(post: WithImages & Pick<Post, 'slug'>, maxWidth = 1440): string | undefined {
  const hero = postHero(post)
  if (!hero) return remoteHero(post)?.src
  const width = [...hero.image.widths].reverse().find((w) => w <= maxWidth) ?? hero.image.widths[0]
  return absoluteUrl(variantUrl(hero.image, width, hero.image.fallback, { prefix: postUrl(post) }))
}
