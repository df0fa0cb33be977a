/**
 * Headers on every response. Pages are prerendered, so a per-request nonce is
 * impossible; scripts are limited to this origin, and inline scripts are
 * allowed only because Next streams its RSC payload in inline <script> tags.
 */
export function contentSecurityPolicy({ https, development, github }: { https: boolean; development: boolean; github: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${github ? ' https://github.com' : ''}`,
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ]
  return directives.join('; ')
}

export function securityHeaders(options: { https: boolean; development: boolean; github: boolean }) {
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy(options) },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    ...(options.https ? [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }] : []),
  ]
}

/** The headers for this site's configuration: next.config.ts sends them on routed responses, proxy.ts on the ones it answers itself. */
export function siteSecurityHeaders(site: { url: string }, server: { github?: unknown }) {
  return securityHeaders({
    https: site.url.startsWith('https:'),
    development: process.env.NODE_ENV === 'development',
    github: Boolean(server.github),
  })
}

export function withSecurityHeaders<T extends Response>(response: T, headers: { key: string; value: string }[]): T {
  for (const { key, value } of headers) response.headers.set(key, value)
  return response
}
