import { getAuthor, getPostsToPrerender, getPublishedPost } from '@/lib/content/server'
import { plainNotFound } from '@/lib/http'
import { isValidPostSlug } from '@/lib/markdown'
import { renderPostCard } from '@/lib/og/server'

// The newest posts' cards are built ahead; older ones, and a scheduled post's once its date passes, render on request and are cached.
export const dynamicParams = true
export const revalidate = 300

export function generateStaticParams() {
  return getPostsToPrerender().map((post) => ({ slug: post.slug }))
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  // proxy.ts turns away most bad slugs first; checked again so the route is safe on its own.
  const post = isValidPostSlug(slug) ? getPublishedPost(slug) : undefined
  if (!post) return plainNotFound()
  return renderPostCard(post, getAuthor(post.author))
}
