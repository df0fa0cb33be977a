/**
 * Build time and peak memory of the seed site, timed by bench.ts (which builds it
 * anyway), the way `npm run build` runs: `contentlayer2 build` then `next build`.
 * Builds of N synthetic posts are the scale section's (scripts/bench/scale.ts).
 */
import { rmSync } from 'node:fs'
import path from 'node:path'
import { BIN, CONTENTLAYER, ROOT } from '../lib/process'
import { measure } from './measure'
import { formatBytes, type BenchRow, type BenchSection, type BuildMeasurement } from './types'

/** A cold build: the dist folder is removed first, so NEXT_DIST_DIR is required (never the `.next` that `npm start` serves). */
export async function measureBuild(env: NodeJS.ProcessEnv & { NEXT_DIST_DIR: string }, posts: number): Promise<BuildMeasurement> {
  rmSync(path.join(ROOT, env.NEXT_DIST_DIR), { recursive: true, force: true })
  const contentlayer = await measure(CONTENTLAYER, ['build'], env)
  const next = await measure(path.join(BIN, 'next'), ['build'], env)
  return { posts, contentlayer, next }
}

function rows(label: string, build: BuildMeasurement): BenchRow[] {
  const section = 'build'
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
  return [
    { section, metric: `${label}: total (contentlayer2 build + next build)`, value: seconds(build.contentlayer.ms + build.next.ms) },
    { section, metric: `${label}: contentlayer2 build`, value: seconds(build.contentlayer.ms) },
    { section, metric: `${label}: next build`, value: seconds(build.next.ms) },
    { section, metric: `${label}: contentlayer2 max RSS (largest process)`, value: formatBytes(build.contentlayer.maxRssBytes) },
    { section, metric: `${label}: next build max RSS (largest process)`, value: formatBytes(build.next.maxRssBytes) },
    { section, metric: `${label}: next build peak RSS (process tree sum)`, value: formatBytes(build.next.peakTreeRssBytes) },
  ]
}

export const buildSection: BenchSection = {
  name: 'build',
  async run({ seedBuild }) {
    if (!seedBuild) throw new Error('build: the seed site was not built')
    return rows(`seed site, ${seedBuild.posts} posts`, seedBuild)
  },
}
