import type { NextConfig } from 'next'
import { PHASE_PRODUCTION_BUILD } from 'next/constants'
import { NEXT_CACHE_HANDLER } from './lib/cache'
import { readServerConfig, readSiteConfig } from './lib/config'
import { PRIVATE_NO_STORE, securityHeaders } from './lib/http'
import { DRAFTS } from './lib/routes'

// Fails the build early, with the variable named, if the site configuration is invalid.
const site = readSiteConfig()
const server = readServerConfig()

const nextConfig: NextConfig = {
  // Contentlayer runs as its own CLI step (see package.json), so Turbopack needs no plugin.
  turbopack: {},
  // The end-to-end suite builds into its own folder so it never replaces the build `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // Several processes share one page cache in Redis; without REDIS_URL, Next's file cache as before.
  cacheHandler: server.redisUrl ? NEXT_CACHE_HANDLER : undefined,
  env: { SITE_URL: site.url },
  // forbidden() gives expired or tampered share links a real 403 page.
  experimental: { authInterrupts: true },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: securityHeaders({
          https: site.url.startsWith('https:'),
          development: process.env.NODE_ENV === 'development',
          github: Boolean(server.github),
        }),
      },
      {
        source: `${DRAFTS}/:path*`,
        headers: [
          { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
          { key: 'Cache-Control', value: PRIVATE_NO_STORE },
        ],
      },
      { source: DRAFTS, headers: [{ key: 'X-Robots-Tag', value: 'noindex, nofollow' }] },
    ]
  },
  async redirects() {
    return [
      // Old WordPress permalinks: /YYYY/MM/DD/slug/ → /posts/slug (Next drops the trailing slash first).
      {
        source: '/:year(\\d{4})/:month(\\d{2})/:day(\\d{2})/:slug',
        destination: '/posts/:slug',
        permanent: true,
      },
      { source: '/page/1', destination: '/', permanent: true },
      { source: '/about', destination: `/authors/${site.defaultAuthorId}`, permanent: false },
    ]
  },
}

/**
 * `next build` also writes .next/standalone: server.js with only the files it needs (about 50 MB,
 * against ~600 MB of node_modules and build), the release a VM runs (docs/deployment.md). Only the
 * build sees the setting: `next start` (npm start, npm run stack) would warn about it and runs the same.
 */
export default function config(phase: string): NextConfig {
  return phase === PHASE_PRODUCTION_BUILD ? { ...nextConfig, output: 'standalone' } : nextConfig
}
