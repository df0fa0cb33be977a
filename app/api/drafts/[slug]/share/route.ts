import { NextResponse, type NextRequest } from 'next/server'
import { authSecret } from '@/lib/auth'
import { refuseUnlessAuthor } from '@/lib/auth/server'
import { serverConfig } from '@/lib/config/server'
import { createDraftShareLink } from '@/lib/drafts/server'
import { PRIVATE_NO_STORE, isSameOrigin } from '@/lib/http'

export const dynamic = 'force-dynamic'

const PRIVATE = { 'Cache-Control': PRIVATE_NO_STORE }

export async function POST(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  if (!isSameOrigin(request.headers)) return NextResponse.json({ error: 'Cross-site request refused.' }, { status: 403, headers: PRIVATE })
  const refusal = await refuseUnlessAuthor('Sign in to share drafts.', PRIVATE)
  if (refusal) return refusal
  const secret = authSecret(serverConfig)
  const link = secret ? createDraftShareLink((await params).slug, secret, serverConfig.shareLinkDays) : undefined
  if (!link) return NextResponse.json({ error: 'No draft with that slug.' }, { status: 404, headers: PRIVATE })
  return NextResponse.json(link, { status: 201, headers: PRIVATE })
}
