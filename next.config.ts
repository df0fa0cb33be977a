import type { NextConfig } from 'next'
import { PHASE_PRODUCTION_BUILD } from 'next/constants'
import { NEXT_CACHE_HANDLER } from './lib/cache'
import { authSecret } from './lib/auth'
import { deriveFormTokenKey } from './lib/comments'
import { authSecretFingerprint, readServerConfig, readSiteConfig, siteSettingsOf, type BuildSettings } from './lib/config'
import { storedImageHosts } from './lib/content/build'
import { PRIVATE_NO_STORE, siteSecurityHeaders } from './lib/http'
import { DRAFTS } from './lib/routes'

// Fails the build early, with the variable named, if the site configuration is invalid.
const configured = readSiteConfig()
// The CSP allows IMAGE_REMOTE_HOSTS and the hosts the content records (an import's pictures still on their old host).
const site = { ...configured, imageRemoteHosts: [...new Set([...configured.imageRemoteHosts, ...storedImageHosts()])] }
const server = readServerConfig()

// What the pages bake in, so a server started on this build takes it or stops on a contradiction (lib/config/build-settings.ts).
const buildSettings: BuildSettings = {
  ...siteSettingsOf(process.env),
  ...(server.authSecret ? { authSecretFingerprint: authSecretFingerprint(server.authSecret) } : {}),
}

// The end-to-end suite builds into its own folder so it never replaces the build `npm start` serves.
const distDir = process.env.NEXT_DIST_DIR || '.next'

const nextConfig: NextConfig = {
  // Contentlayer runs as its own CLI step (see package.json), so Turbopack needs no plugin.
  turbopack: {},
  distDir,
  poweredByHeader: false,
  // Several processes share one page cache in Redis; without REDIS_URL, Next's file cache as before. Either way
  // the handler keeps nothing that belongs to one request (lib/cache/next-cache-handler.mjs).
  cacheHandler: NEXT_CACHE_HANDLER,
  // proxy.ts reads the prerendered 404 page from the build folder; lib/config/site.ts and the start checks read the build's settings.
  // The comment form's key, from the secret this build had (given, or saved in DATA_DIR), so the tokens in
  // prerendered post pages check on every server of the build (lib/comments/token.ts). Server code only reads it.
  env: {
    SITE_URL: site.url,
    SANDBANK_DIST_DIR: distDir,
    SANDBANK_BUILD_SETTINGS: JSON.stringify(buildSettings),
    SANDBANK_COMMENT_FORM_KEY: deriveFormTokenKey(authSecret(server)) ?? '',
  },
  // proxy.ts answers trailing-slash addresses, so the redirect carries the security headers.
  skipTrailingSlashRedirect: true,
  // Content pictures are made at build time (lib/images), so Next's on-request optimizer is off:
  // /_next/image answers 404 and no address can make the server resize anything.
  images: { unoptimized: true, remotePatterns: [], localPatterns: [] },
  experimental: {
    // forbidden() gives expired or tampered share links a real 403 page.
    authInterrupts: true,
    // Server source maps are as big as the server code; written only when asked for (SERVER_SOURCE_MAPS=1).
    serverSourceMaps: server.serverSourceMaps,
  },
  enablePrerenderSourceMaps: server.serverSourceMaps,
  // The cards read the Noto files for scripts beyond Latin by names found in Fontsource's CSS (lib/og/script-fonts.ts),
  // which file tracing cannot follow: the two weights the cards use ship with the card routes.
  outputFileTracingIncludes: {
    '/og/**': [
      './node_modules/@fontsource/noto-sans-sc/{400,700}.css',
      './node_modules/@fontsource/noto-sans-sc/files/*-{400,700}-normal.woff',
      './node_modules/@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-{400,700}-normal.woff',
    ],
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: siteSecurityHeaders(site, server),
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
  // Redirects (old WordPress addresses, the first page of a listing under …/page/1, trailing slashes) are in lib/http/redirects.ts, answered by proxy.ts.
}

/**
 * `next build` also writes .next/standalone: server.js with only the files it needs (about 50 MB,
 * against ~600 MB of node_modules and build), the release a VM runs (docs/deployment.md). Only the
 * build sees the setting: `next start` (npm start, npm run stack) would warn about it and runs the same.
 */
export default function config(phase: string): NextConfig {
  return phase === PHASE_PRODUCTION_BUILD ? { ...nextConfig, output: 'standalone' } : nextConfig
}
