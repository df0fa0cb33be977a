/**
 * Headers on every response. Pages are prerendered, so a per-request nonce is
 * impossible; scripts are limited to this origin, and inline scripts are
 * allowed only because Next streams its RSC payload in inline <script> tags.
 */
type PolicyOptions = {
  https: boolean
  development: boolean
  github: boolean
  /** IMAGE_REMOTE_HOSTS: the only other places pictures may come from (https only). */
  imageHosts?: readonly string[]
}

export function contentSecurityPolicy({ https, development, github, imageHosts = [] }: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data:${imageHosts.map((host) => ` https://${host}`).join('')}`,
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

export function securityHeaders(options: PolicyOptions) {
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
export function siteSecurityHeaders(site: { url: string; imageRemoteHosts?: readonly string[] }, server: { github?: unknown }) {
  return securityHeaders({
    https: site.url.startsWith('https:'),
    development: process.env.NODE_ENV === 'development',
    github: Boolean(server.github),
    imageHosts: site.imageRemoteHosts,
  })
}

export function withSecurityHeaders<T extends Response>(response: T, headers: { key: string; value: string }[]): T {
  for (const { key, value } of headers) response.headers.set(key, value)
  return response
}
