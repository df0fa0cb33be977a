export type BenchRow = {
  section: string
  metric: string
  value: string
  /** The target from the issue, where there is one. */
  target?: string
}

/** Wall time and peak memory of one command (scripts/bench/measure.ts). */
export type Measurement = {
  ms: number
  /** GNU time's "Maximum resident set size": the largest single process; undefined without /usr/bin/time. */
  maxRssBytes?: number
  /** Peak of the summed RSS of the whole process tree, sampled every 200 ms. */
  peakTreeRssBytes: number
}

/** The two steps of a build, as `npm run build` runs them. */
export type BuildMeasurement = { posts: number; contentlayer: Measurement; next: Measurement }

export type BenchContext = {
  /** A `next start` of the seed site, built into .next-bench. */
  baseUrl: string
  distDir: string
  /** The seed server's DATA_DIR (its comment store), a temporary folder of its own. */
  dataDir?: string
  /** How long bench.ts took to build that seed site, so the build section need not build it twice. */
  seedBuild?: BuildMeasurement
}

export type BenchSection = {
  name: string
  /** False for sections that build and serve their own site; when only those run, the seed site is not built. */
  needsSeedServer?: boolean
  run: (context: BenchContext) => Promise<BenchRow[]>
}

/** Percentile of a sorted list of numbers (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

export function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(2)} ms` : `${ms.toFixed(0)} ms`
}

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return 'n/a'
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}

/** Times an HTTP GET repeatedly against a local server and returns sorted latencies in ms. */
export async function httpLatencies(url: string, count: number): Promise<{ latencies: number[]; bytes: number }> {
  const latencies: number[] = []
  let bytes = 0
  for (let i = 0; i < count; i++) {
    const start = performance.now()
    const response = await fetch(url)
    const body = await response.arrayBuffer()
    latencies.push(performance.now() - start)
    bytes = body.byteLength
  }
  return { latencies: latencies.sort((a, b) => a - b), bytes }
}

/** The post the home page links to first: the newest published post. */
export async function firstPostUrl(baseUrl: string): Promise<string> {
  const home = await (await fetch(baseUrl + '/')).text()
  const postPath = home.match(/href="(\/posts\/[^"]+)"/)?.[1]
  if (!postPath) throw new Error('bench: no post linked from the home page')
  return baseUrl + postPath
}
