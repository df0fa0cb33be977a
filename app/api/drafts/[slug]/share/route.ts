import type { NextRequest } from 'next/server'
import { authSecret } from '@/lib/auth'
import { refuseUnlessAuthor } from '@/lib/auth/server'
import { serverConfig } from '@/lib/config/server'
import { createDraftShareLink } from '@/lib/drafts/server'
import { ApiError, PRIVATE_NO_STORE, isSameOrigin, jsonResponse, withApiErrors } from '@/lib/http'

export const dynamic = 'force-dynamic'

const PRIVATE = { 'Cache-Control': PRIVATE_NO_STORE }

export const POST = withApiErrors(async (request: NextRequest, { params }: { params: Promise<{ slug: string }> }) => {
  if (!isSameOrigin(request.headers)) throw new ApiError('forbidden', 'Cross-site request refused.')
  const refusal = await refuseUnlessAuthor('Sign in to share drafts.', PRIVATE)
  if (refusal) return refusal
  const secret = authSecret(serverConfig)
  const link = secret ? createDraftShareLink((await params).slug, secret, serverConfig.shareLinkDays) : undefined
  if (!link) throw new ApiError('not_found', 'No draft with that slug.')
  return jsonResponse(link, { status: 201, headers: PRIVATE })
}, PRIVATE)
