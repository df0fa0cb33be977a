import { refuseUnlessAuthor } from '@/lib/auth/server'
import { handleModeration } from '@/lib/comments/server'
import { PRIVATE_NO_STORE } from '@/lib/http'

/** A form on /drafts/comments posts here; signed-in authors only (lib/comments/server.ts checks the CSRF token). */
export async function POST(request: Request) {
  const refused = await refuseUnlessAuthor('Sign in to moderate comments.', { 'Cache-Control': PRIVATE_NO_STORE })
  return refused ?? handleModeration(request)
}
