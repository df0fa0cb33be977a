/**
 * 404s that proxy.ts answers itself. It cannot hand them to Next with
 * `NextResponse.rewrite(new URL('/404', request.url))`: Next reads that URL's
 * scheme and host from X-Forwarded-Proto and a normalised host name, decides
 * the rewrite is external, and proxies it to https on its own plain-HTTP port
 * (a 500 behind every TLS proxy; an open Next.js bug, see the README's Deployment section).
 * So the 404 page that `next build` prerendered (app/not-found.tsx) is sent
 * as it is, never cached downstream.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

/** No shared cache may keep a 404: the address may be a post scheduled to go live in a minute. */
const NOT_CACHED = 'private, no-cache, no-store, max-age=0, must-revalidate'

/** A bare 404 for machine routes (cards, feeds): says nothing about what might exist. */
export function plainNotFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': NOT_CACHED } })
}

/** A bare 400 for an address that is not valid percent-encoding, outside the page routes. */
export function plainBadRequest(): Response {
  return new Response('Bad request: the address is not valid.', {
    status: 400,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': NOT_CACHED },
  })
}

let prerendered: string | null | undefined

function prerenderedNotFoundPage(distDir: string): string | null {
  if (prerendered === undefined) {
    try {
      prerendered = readFileSync(path.join(/* turbopackIgnore: true */ process.cwd(), distDir, 'server/app/_not-found.html'), 'utf8')
    } catch {
      prerendered = null // `next dev` prerenders nothing
    }
  }
  return prerendered
}

/** The site's own 404 page (header, search, links home), or a plain one when there is no build. */
export function notFoundPage(distDir: string): Response {
  const html = prerenderedNotFoundPage(distDir)
  if (html === null) return plainNotFound()
  return new Response(html, { status: 404, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': NOT_CACHED } })
}

let stylesheets: readonly string[] | undefined

/**
 * The build's stylesheets, as the prerendered 404 page links them (every page shares the root layout's): for a
 * page a route handler writes itself. None under `next dev`.
 */
export function prerenderedStylesheets(distDir: string): readonly string[] {
  if (stylesheets === undefined) {
    const html = prerenderedNotFoundPage(distDir) ?? ''
    stylesheets = [...html.matchAll(/<link rel="stylesheet" href="(\/_next\/static\/[^"<>]+\.css)"/g)].map((match) => match[1])
  }
  return stylesheets
}
