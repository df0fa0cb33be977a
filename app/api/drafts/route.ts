import { NextResponse } from 'next/server'
import { getAuthorSession } from '@/lib/auth'
import { getDraftSummaries } from '@/lib/drafts'

export const dynamic = 'force-dynamic'

const PRIVATE = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex' }

export async function GET() {
  if (!(await getAuthorSession())) return NextResponse.json({ error: 'Sign in to list drafts.' }, { status: 401, headers: PRIVATE })
  return NextResponse.json({ drafts: getDraftSummaries() }, { headers: PRIVATE })
}
