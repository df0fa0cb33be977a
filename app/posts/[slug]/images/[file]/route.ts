import { getPublishedPost, readPostBody } from '@/lib/content/server'
import { PUBLIC_IMMUTABLE, plainNotFound } from '@/lib/http'
import { postImages } from '@/lib/images'
import { variantResponse } from '@/lib/images/server'
import { isValidPostSlug } from '@/lib/markdown'

// Files come from the build's store; the route only checks that this published post has this variant.
export const dynamic = 'force-dynamic'

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; file: string }> }) {
  const { slug, file } = await params
  const post = isValidPostSlug(slug) ? getPublishedPost(slug) : undefined
  if (!post) return plainNotFound()
  return variantResponse(postImages(await readPostBody(post)), file, PUBLIC_IMMUTABLE)
}
