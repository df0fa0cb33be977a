import type { ReactNode } from 'react'
import { FEED_IMAGE_WIDTH, defaultWidth, imageKey, variantUrl, type ImageBase, type ProcessedImage } from '@/lib/images'
import { ContactEmail } from './ContactEmail'
import { Figure } from './Figure'
import { Picture, RemoteImage } from './Picture'

/** How a rendering shows a post's pictures: which files the build made, and where they are served. */
export type ImageContext = {
  images: Record<string, ProcessedImage>
  base: ImageBase
  /** Pages: <picture> with srcset. Feeds: one plain <img> at a size a reader can display, with an absolute address. */
  mode: 'page' | 'feed'
  /** True when the post has no hero, so its first picture is the one to fetch first. */
  firstIsPriority?: boolean
}

/** A published post with pictures still marked "Text alternative missing", as the accessibility statement lists it. */
export type PostWithoutAlt = { title: string; url: string; count: number }

/** What a page's MDX can name besides pictures: for now, the posts the accessibility statement must list. */
export type PageData = { postsWithoutAlt?: readonly PostWithoutAlt[] }

/**
 * `<PostsWithoutTextAlternatives />`: every published post whose pictures still lack a text
 * alternative (WCAG 1.1.1), each linked, from the content itself, so the statement stays true
 * as authors describe them.
 */
function PostsWithoutTextAlternatives({ posts }: { posts: readonly PostWithoutAlt[] }) {
  if (posts.length === 0) return <p>We do not know of any post with a picture that has no text alternative.</p>
  return (
    <>
      <p>
        {posts.length === 1 ? 'This post has' : `These ${posts.length} posts have`} pictures without a text alternative, so people who cannot see them
        miss what they show. This fails WCAG 2.2 success criterion 1.1.1 (non-text content). They came from the blog’s earlier home, and we are
        describing them.
      </p>
      <ul>
        {posts.map((post) => (
          <li key={post.url}>
            <a href={post.url}>{post.title}</a> ({post.count === 1 ? 'one picture' : `${post.count} pictures`})
          </li>
        ))}
      </ul>
    </>
  )
}

type FigureSource = { caption: string; credit?: string; src?: string; alt?: string; decorative?: boolean; width?: number; height?: number }

function isRemote(src: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(src.trim())
}

/** Components that MDX posts and pages may use by name, bound to one post's images. */
export function mdxComponents(context: ImageContext = { images: {}, base: { prefix: '' }, mode: 'page' }, data: PageData = {}) {
  let pictures = 0
  const image = (src: string, alt: string, size?: { width?: number; height?: number }): ReactNode => {
    if (isRemote(src)) return <RemoteImage src={src} alt={alt} width={size?.width} height={size?.height} />
    const processed = context.images[imageKey(src)]
    // The Contentlayer build checks every picture, so this means a body rendered without its post's images.
    if (!processed) throw new Error(`Image "${src}" was not processed by the content build`)
    if (context.mode === 'feed') {
      const width = defaultWidth(processed, FEED_IMAGE_WIDTH)
      return (
        // eslint-disable-next-line @next/next/no-img-element -- feed HTML is read outside the site
        <img
          src={variantUrl(processed, width, processed.fallback, context.base)}
          alt={alt}
          width={width}
          height={Math.round((processed.height * width) / processed.width)}
          loading="lazy"
        />
      )
    }
    pictures += 1
    return <Picture image={processed} alt={alt} base={context.base} priority={Boolean(context.firstIsPriority) && pictures === 1} />
  }
  return {
    ContactEmail,
    PostsWithoutTextAlternatives: () => <PostsWithoutTextAlternatives posts={data.postsWithoutAlt ?? []} />,
    Figure: ({ caption, credit, src, alt, decorative, width, height }: FigureSource) => (
      <Figure caption={caption} credit={credit}>
        {src ? image(src, decorative ? '' : (alt ?? ''), { width, height }) : undefined}
      </Figure>
    ),
    img: ({ src, alt }: { src?: string; alt?: string }) => (src ? image(src, alt ?? '') : null),
  }
}
