import { getAuthor, getPublishedPost, getPublishedPosts } from '@/lib/content'
import { ogNotFound, renderPostCard } from '@/lib/og'
import { isValidPostSlug } from '@/lib/slug'

// Published cards are built ahead; a scheduled post's card renders on request once its date passes.
export const dynamicParams = true
export const revalidate = 300

export function generateStaticParams() {
  return getPublishedPosts().map((post) => ({ slug: post.slug }))
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  // Checked before any lookup so absurd or odd-byte slugs get a plain 404, never an error.
  const post = isValidPostSlug(slug) ? getPublishedPost(slug) : undefined
  if (!post) return ogNotFound()
  return renderPostCard(post, getAuthor(post.author))
}
