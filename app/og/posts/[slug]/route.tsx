import { getAuthor, getPublishedPost, getPublishedPosts } from '@/lib/content/server'
import { plainNotFound } from '@/lib/http'
import { isValidPostSlug } from '@/lib/markdown'
import { renderPostCard } from '@/lib/og/server'

// Published cards are built ahead; a scheduled post's card renders on request once its date passes.
export const dynamicParams = true
export const revalidate = 300

export function generateStaticParams() {
  return getPublishedPosts().map((post) => ({ slug: post.slug }))
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  // proxy.ts turns away most bad slugs first; checked again so the route is safe on its own.
  const post = isValidPostSlug(slug) ? getPublishedPost(slug) : undefined
  if (!post) return plainNotFound()
  return renderPostCard(post, getAuthor(post.author))
}
