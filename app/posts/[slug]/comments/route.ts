import { handleCommentPost } from '@/lib/comments/server'

type Context = { params: Promise<{ slug: string }> }

/** The comment form posts here; lib/comments/server.ts answers (303 to the post, or the form again with its problems). */
export async function POST(request: Request, { params }: Context) {
  return handleCommentPost(request, (await params).slug)
}
