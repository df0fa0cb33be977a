import type { NextRequest } from 'next/server'
import { plainNotFound } from '@/lib/not-found'
import { isRoutablePath } from '@/lib/route-guard'

export function proxy(request: NextRequest): Response | undefined {
  return isRoutablePath(request.nextUrl.pathname) ? undefined : plainNotFound()
}

// Only the dynamic routes that take a slug or tag from the address.
export const config = { matcher: ['/posts/:path*', '/og/posts/:path*', '/drafts/:path*', '/tags/:path*', '/authors/:path*', '/page/:path*'] }
