import { handleModeration, moderationRoute } from '@/lib/comments/server'

/** A comment's form on /drafts/comments posts here: signed-in authors only (lib/comments/server.ts also checks the CSRF token). */
export const POST = moderationRoute(handleModeration)
