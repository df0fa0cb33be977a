/** HTTP for every route: security headers, cache policies, request checks, the client's address, JSON and the bare 404. The route guard is in ./server.ts. */
export { PRIVATE_NO_STORE } from './cache'
export { UNIDENTIFIED_CLIENT, clientAddress } from './client-address'
export { jsonForHtml } from './json'
export { plainNotFound } from './not-found'
export { isSameOrigin, safeCallbackPath } from './request-checks'
export { contentSecurityPolicy, securityHeaders } from './security-headers'
