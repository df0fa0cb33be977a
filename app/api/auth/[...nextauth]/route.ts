import { handleAuthRequest } from '@/lib/auth/server'

export const dynamic = 'force-dynamic'

export { handleAuthRequest as GET, handleAuthRequest as POST }
