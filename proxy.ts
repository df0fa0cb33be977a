import { NextResponse, type NextRequest } from 'next/server'
import { plainNotFound } from '@/lib/not-found'
import { isRoutablePath, publicPathExists } from '@/lib/route-guard'

/** No route matches this, so Next renders app/not-found.tsx with status 404 and caches nothing. */
const NOT_FOUND_PATH = '/404'

export function proxy(request: NextRequest): Response | undefined {
  const { pathname } = request.nextUrl
  // Drafts are dynamic and check access themselves; only impossible slugs are stopped here.
  const exists = pathname.startsWith('/drafts/') ? isRoutablePath(pathname) : publicPathExists(pathname)
  if (exists) return undefined
  return pathname.startsWith('/og/') ? plainNotFound() : NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url))
}

// Only the dynamic routes that take a slug, tag or page number from the address.
export const config = { matcher: ['/posts/:path*', '/og/posts/:path*', '/drafts/:path*', '/tags/:path*', '/authors/:path*', '/page/:path*'] }
