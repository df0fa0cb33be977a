import type { NextRequest } from 'next/server'
import { plainNotFound } from '@/lib/not-found'
import { isValidPostSlug } from '@/lib/slug'

/**
 * Turns away card requests whose slug could never be a post before Next routes them:
 * Next answers 500 to a segment that is not valid percent-encoding (`%ff`), and
 * writes an ISR cache file named after any slug, which fails for very long ones.
 */
export function proxy(request: NextRequest): Response | undefined {
  const slug = request.nextUrl.pathname.slice('/og/posts/'.length)
  return isValidPostSlug(slug) ? undefined : plainNotFound()
}

export const config = { matcher: '/og/posts/:path*' }
