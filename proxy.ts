import { NextResponse, type NextRequest } from 'next/server'
import { plainNotFound } from '@/lib/http'
import { isRoutablePath, publicPathExists } from '@/lib/http/server'
import { CARD_PREFIX, DRAFT_PREFIX } from '@/lib/routes'

/** No route matches this, so Next renders app/not-found.tsx with status 404 and caches nothing. */
const NOT_FOUND_PATH = '/404'

export function proxy(request: NextRequest): Response | undefined {
  const { pathname } = request.nextUrl
  // Drafts are dynamic and check access themselves; only impossible slugs are stopped here.
  const exists = pathname.startsWith(DRAFT_PREFIX) ? isRoutablePath(pathname) : publicPathExists(pathname)
  if (exists) return undefined
  return pathname.startsWith(CARD_PREFIX) ? plainNotFound() : NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url))
}

// Only the dynamic routes that take a slug, tag or page number from the address: GUARDED_PREFIXES in
// lib/routes.ts, written out because Next reads the matcher as a literal (a unit test compares the two).
export const config = { matcher: ['/posts/:path*', '/og/posts/:path*', '/drafts/:path*', '/tags/:path*', '/authors/:path*', '/page/:path*'] }
