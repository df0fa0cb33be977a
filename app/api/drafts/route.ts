import { refuseUnlessAuthor } from '@/lib/auth/server'
import { getDraftSummaries } from '@/lib/drafts/server'
import { PRIVATE_NO_STORE, jsonResponse, withApiErrors } from '@/lib/http'

export const dynamic = 'force-dynamic'

const PRIVATE = { 'Cache-Control': PRIVATE_NO_STORE, 'X-Robots-Tag': 'noindex' }

export const GET = withApiErrors(async () => {
  const refusal = await refuseUnlessAuthor('Sign in to list drafts.', PRIVATE)
  if (refusal) return refusal
  return jsonResponse({ drafts: getDraftSummaries() }, { headers: PRIVATE })
}, PRIVATE)
