import { NextResponse } from 'next/server'
import { authSecret } from '@/lib/auth'
import { authorSession } from '@/lib/auth/server'
import { serverConfig } from '@/lib/config/server'
import { readPostBody } from '@/lib/content/server'
import { resolveDraftAccess } from '@/lib/drafts/server'
import { PRIVATE_NO_STORE, plainNotFound } from '@/lib/http'
import { postImages } from '@/lib/images'
import { variantResponse } from '@/lib/images/server'
import { isValidPostSlug } from '@/lib/markdown'
import { imageUrl, postUrl } from '@/lib/routes'

export const dynamic = 'force-dynamic'

/** A draft's pictures, for exactly those who may read the draft: a signed-in author, or a valid share link for it. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; file: string }> }) {
  const { slug, file } = await params
  if (!isValidPostSlug(slug)) return plainNotFound()
  const access = resolveDraftAccess({
    slug,
    signedIn: (await authorSession()).state === 'signed-in',
    shareToken: new URL(request.url).searchParams.get('share') ?? undefined,
    secret: authSecret(serverConfig),
  })
  if (access.kind === 'published') {
    // A relative Location: the request's host is not trusted.
    return new NextResponse(null, { status: 308, headers: { location: imageUrl(postUrl({ slug: access.slug }), encodeURIComponent(file)) } })
  }
  if (access.kind !== 'author' && access.kind !== 'shared') return plainNotFound()
  return variantResponse(postImages(await readPostBody(access.draft.post)), file, PRIVATE_NO_STORE)
}
