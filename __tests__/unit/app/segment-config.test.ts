/**
 * Next reads route segment config and the proxy matcher only as literals, so
 * they cannot import their values. These tests hold the literals to the one
 * home of each: REVALIDATE_SECONDS and GUARDED_PREFIXES.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { REVALIDATE_SECONDS } from '@/lib/config'
import { GUARDED_PREFIXES } from '@/lib/routes'
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

test("proxy.ts's matcher is exactly the guarded prefixes", () => {
  expect([...config.matcher].sort()).toEqual(GUARDED_PREFIXES.map((prefix) => `${prefix}:path*`).sort())
})
