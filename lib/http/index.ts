/**
 * HTTP for every route: security headers, cache policies, request checks, the
 * client's address, JSON answers and the one error answer every route handler
 * gives (ApiError), redirects and the 404s proxy.ts sends. The route guard is
 * in ./server.ts.
 */
export { PRIVATE_NO_STORE, PUBLIC_IMMUTABLE } from './cache'
export { UNIDENTIFIED_CLIENT, clientAddress } from './client-address'
export { API_ERROR_STATUS, ApiError, errorResponse, jsonResponse, withApiErrors, type ApiErrorCode } from './errors'
export { jsonForHtml } from './json'
export { notFoundPage, plainBadRequest, plainNotFound, prerenderedStylesheets } from './not-found'
export { redirectFor, type Redirect } from './redirects'
export { isSameOrigin, safeCallbackPath } from './request-checks'
export { contentSecurityPolicy, securityHeaders, siteSecurityHeaders, withSecurityHeaders } from './security-headers'
