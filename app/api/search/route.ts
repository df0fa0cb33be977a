import type { NextRequest } from 'next/server'
import { jsonForHtml } from '@/lib/http'
import { parseSearchParams } from '@/lib/search'
import { searchPublished } from '@/lib/search/server'

// Answers depend on the query string and on which posts are live right now.
export const dynamic = 'force-dynamic'

function json(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  // `<` escaped as in JSON-LD, so no query or post text can turn into markup if the body is ever sniffed as HTML.
  return new Response(jsonForHtml(body), {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      // A minute stale at most, so a scheduled post shows up in search soon after it goes live.
      'Cache-Control': 'public, max-age=60',
      'X-Content-Type-Options': 'nosniff',
      ...headers,
    },
  })
}

export async function GET(request: NextRequest): Promise<Response> {
  const parsed = parseSearchParams(request.nextUrl.searchParams)
  if (!parsed.ok) return json({ error: parsed.error }, 400)
  const outcome = await searchPublished(parsed.params.query, { limit: parsed.params.limit })
  if (!outcome.ok) {
    // The index is still loading after a restart: say so, and when to come back, rather than keep the reader waiting.
    return json({ error: outcome.error }, outcome.status, { 'Retry-After': String(outcome.retryAfterSeconds), 'Cache-Control': 'no-store' })
  }
  return json(outcome.response, 200)
}
