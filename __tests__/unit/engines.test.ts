/**
 * The Node the project names (package.json's engines, the README's quick start)
 * is one every installed package supports, so `npm ci` warns about no engine.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import semver from 'semver'
import { ROOT } from '@/scripts/lib/process'

type Lock = { packages: Record<string, { engines?: { node?: string } }> }

const project = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }
const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as Lock

test('every installed package supports every Node that package.json allows', () => {
  // What npm ci installed on this platform: the lock also lists other platforms' optional packages.
  const installed = Object.entries(lock.packages).filter(
    ([location, entry]) => location && entry.engines?.node && existsSync(path.join(ROOT, location)),
  )
  expect(installed.length).toBeGreaterThan(100)
  const unsupported = installed
    .filter(([, entry]) => !semver.subset(project.engines.node, entry.engines!.node!))
    .map(([location, entry]) => `${location.replace(/^.*node_modules\//, '')} needs ${entry.engines!.node}`)
  expect(unsupported).toEqual([])
})

test('the README names the Node that package.json requires', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
  const named = /^On a fresh clone, with Node (\d+) LTS/m.exec(readme)?.[1]
  expect(named).toBeDefined()
  expect(semver.intersects(project.engines.node, `${named}.x`)).toBe(true)
})
