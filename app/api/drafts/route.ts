import { NextResponse } from 'next/server'
import { getAuthorSession } from '@/lib/auth/server'
import { getDraftSummaries } from '@/lib/content/server'
import { PRIVATE_NO_STORE } from '@/lib/http'

export const dynamic = 'force-dynamic'

const PRIVATE = { 'Cache-Control': PRIVATE_NO_STORE, 'X-Robots-Tag': 'noindex' }

export async function GET() {
  if (!(await getAuthorSession())) return NextResponse.json({ error: 'Sign in to list drafts.' }, { status: 401, headers: PRIVATE })
  return NextResponse.json({ drafts: getDraftSummaries() }, { headers: PRIVATE })
}
