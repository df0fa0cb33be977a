/**
 * The release deploy/release.sh makes (docs/deployment.md), measured on disk: from the
 * seed build, and from a build made with REDIS_URL (next.config.ts names the cache handler
 * either way, so the two should match: a difference would mean REDIS_URL changed what the
 * build traces into the standalone server), against what `next start` needs instead:
 * the production node_modules, the build and the sources. README and deployment.md cite these rows.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { BIN, ROOT, run } from '../lib/process'
import { diskUsage, type DiskUsage } from '../lib/files'
import { formatBytes, type BenchRow, type BenchSection } from './types'

// A dist folder tsconfig.json already lists, so next build does not add its types folder there.
const REDIS_DIST_DIR = '.next-bench-build'

const describeUsage = (usage: DiskUsage) => `${formatBytes(usage.bytes)} in ${usage.files.toLocaleString('en-GB')} files`

/** What `npm ci --omit=dev` installs: the lock's packages that are not dev-only, each folder without the packages nested in it (they are entries of their own). */
function productionModules(): DiskUsage {
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> }
  const total: DiskUsage = { bytes: 0, files: 0 }
  for (const [location, entry] of Object.entries(lock.packages)) {
    if (!location || entry.dev || !existsSync(path.join(ROOT, location))) continue
    const usage = diskUsage(path.join(ROOT, location), (name) => name === 'node_modules')
    total.bytes += usage.bytes
    total.files += usage.files
  }
  return total
}

/** The repository's own files, as a clone has them. */
function sources(): DiskUsage {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean)
  return files.reduce(
    (sum, file) => {
      const usage = diskUsage(path.join(ROOT, file))
      return { bytes: sum.bytes + usage.bytes, files: sum.files + usage.files }
    },
    { bytes: 0, files: 0 } as DiskUsage,
  )
}

async function release(distDir: string, dest: string): Promise<DiskUsage> {
  await run(path.join(ROOT, 'deploy/release.sh'), [dest], { ...process.env, NEXT_DIST_DIR: path.relative(ROOT, distDir) })
  return diskUsage(dest)
}

export const releaseSection: BenchSection = {
  name: 'release',
  async run({ distDir }) {
    const section = 'release'
    const work = mkdtempSync(path.join(tmpdir(), 'sandbank-bench-release-'))
    const redisDistDir = path.join(ROOT, REDIS_DIST_DIR)
    try {
      const plain = await release(distDir, path.join(work, 'plain'))
      // The build without its cache (a server does not need it) and without the standalone copy (the release's).
      const build = diskUsage(distDir, (name, depth) => depth === 0 && (name === 'cache' || name === 'standalone'))
      const modules = productionModules()
      const code = sources()
      const nextStart: DiskUsage = { bytes: modules.bytes + build.bytes + code.bytes, files: modules.files + build.files + code.files }
      // A build with REDIS_URL set (nothing connects to Redis while building).
      // next build alone: the content store is the seed build's, which the running seed server reads.
      await run(path.join(BIN, 'next'), ['build'], {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_DIST_DIR: REDIS_DIST_DIR,
        SITE_URL: 'http://127.0.0.1:3000',
        REDIS_URL: 'redis://127.0.0.1:6379',
      })
      const withRedis = await release(redisDistDir, path.join(work, 'redis'))
      const rows: BenchRow[] = [
        { section, metric: 'release (deploy/release.sh), seed site', value: describeUsage(plain) },
        { section, metric: 'release, built with REDIS_URL (cache handler and Redis client)', value: describeUsage(withRedis) },
        { section, metric: 'next start instead: production node_modules', value: describeUsage(modules) },
        { section, metric: 'next start instead: the build (no cache, no standalone)', value: describeUsage(build) },
        { section, metric: 'next start instead: the sources', value: describeUsage(code) },
        { section, metric: 'next start instead: total', value: describeUsage(nextStart) },
        {
          section,
          metric: 'ratio, release ÷ next start total (bytes / files)',
          value: `${(plain.bytes / nextStart.bytes).toFixed(3)} / ${(plain.files / nextStart.files).toFixed(3)}`,
        },
      ]
      return rows
    } finally {
      rmSync(work, { recursive: true, force: true })
      rmSync(redisDistDir, { recursive: true, force: true })
    }
  },
}
