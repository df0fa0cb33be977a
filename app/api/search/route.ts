import type { NextRequest } from 'next/server'
import { ApiError, jsonResponse, withApiErrors } from '@/lib/http'
import { parseSearchParams } from '@/lib/search'
import { searchPublished } from '@/lib/search/server'

// Answers depend on the query string and on which posts are live right now.
export const dynamic = 'force-dynamic'

/** A minute stale at most, so a scheduled post shows up in search soon after it goes live. */
const CACHED = { 'Cache-Control': 'public, max-age=60' }

export const GET = withApiErrors(async (request: NextRequest): Promise<Response> => {
  const parsed = parseSearchParams(request.nextUrl.searchParams)
  if (!parsed.ok) throw new ApiError('bad_request', parsed.error)
  const outcome = await searchPublished(parsed.params.query, { limit: parsed.params.limit })
  if (!outcome.ok) {
    // The index is still loading after a restart: say so, and when to come back, rather than keep the reader waiting.
    throw new ApiError('unavailable', outcome.error, { 'Retry-After': String(outcome.retryAfterSeconds), 'Cache-Control': 'no-store' })
  }
  // `<` escaped as in JSON-LD, so no query or post text can turn into markup if the body is ever sniffed as HTML.
  return jsonResponse(outcome.response, { headers: CACHED })
}, CACHED)
