import { handleAuthRequest } from '@/lib/auth/server'
import { PRIVATE_NO_STORE, withApiErrors } from '@/lib/http'

export const dynamic = 'force-dynamic'

const handler = withApiErrors(handleAuthRequest, { 'Cache-Control': PRIVATE_NO_STORE })

export { handler as GET, handler as POST }
