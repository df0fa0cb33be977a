import { NextResponse } from 'next/server'
import { refuseUnlessAuthor } from '@/lib/auth/server'
import { getDraftSummaries } from '@/lib/drafts/server'
import { PRIVATE_NO_STORE } from '@/lib/http'

export const dynamic = 'force-dynamic'

const PRIVATE = { 'Cache-Control': PRIVATE_NO_STORE, 'X-Robots-Tag': 'noindex' }

export async function GET() {
  const refusal = await refuseUnlessAuthor('Sign in to list drafts.', PRIVATE)
  if (refusal) return refusal
  return NextResponse.json({ drafts: getDraftSummaries() }, { headers: PRIVATE })
}
