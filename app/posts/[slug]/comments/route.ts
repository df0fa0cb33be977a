import { handleCommentPost } from '@/lib/comments/server'
import { PRIVATE_NO_STORE, withApiErrors } from '@/lib/http'

type Context = { params: Promise<{ slug: string }> }

/** The comment form posts here; lib/comments/server.ts answers (303 to the post or back to the form page; 400 or 429 with the form again). */
export const POST = withApiErrors(async (request: Request, { params }: Context) => handleCommentPost(request, (await params).slug), {
  'Cache-Control': PRIVATE_NO_STORE,
})
