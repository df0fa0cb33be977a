/**
 * Next reads route segment config and the proxy matcher only as literals, so
 * they cannot import their values. These tests hold the literals to the one
 * home of each: REVALIDATE_SECONDS, and GUARDED_PREFIXES, which the matcher
 * must reach.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server'
import { REVALIDATE_SECONDS } from '@/lib/config'
import { API, GUARDED_PREFIXES, SIGN_IN, SIGN_OUT } from '@/lib/routes'
import { config } from '@/proxy'
import { ROOT } from '@/scripts/lib/process'

function routeFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const relative = `${dir}/${name}`
    if (statSync(path.join(ROOT, relative)).isDirectory()) return routeFiles(relative)
    return /\.tsx?$/.test(name) ? [relative] : []
  })
}

test('every route that regenerates does so every REVALIDATE_SECONDS', () => {
  const revalidating = routeFiles('app').flatMap((file) => {
    const match = /^export const revalidate = (.+)$/m.exec(readFileSync(path.join(ROOT, file), 'utf8'))
    return match ? [[file, match[1]]] : []
  })
  expect(revalidating.length).toBeGreaterThanOrEqual(12)
  expect(revalidating.filter(([, value]) => value !== String(REVALIDATE_SECONDS))).toEqual([])
})

test("proxy.ts's matcher reaches every guarded prefix, the redirects, the form pages and /api, and leaves Next's build assets alone", () => {
  const runs = (pathname: string) => unstable_doesMiddlewareMatch({ config, url: pathname })
  for (const prefix of GUARDED_PREFIXES) expect([prefix, runs(`${prefix}x`)]).toEqual([prefix, true])
  for (const pathname of [
    '/about/',
    '/page/1',
    '/2014/03/24/a-post/',
    '/posts/a-post/',
    SIGN_IN,
    SIGN_OUT,
    API.auth.credentials,
    '/api/drafts/%ff/share',
  ]) {
    expect([pathname, runs(pathname)]).toEqual([pathname, true])
  }
  for (const pathname of ['/_next/static/chunks/main.js', '/_next/image']) expect([pathname, runs(pathname)]).toEqual([pathname, false])
})
