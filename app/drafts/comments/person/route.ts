import { handlePersonRequest, moderationRoute } from '@/lib/comments/server'

/** The person's-data form on /drafts/comments posts here: signed-in authors only (lib/comments/server.ts also checks the CSRF token). */
export const POST = moderationRoute(handlePersonRequest)
