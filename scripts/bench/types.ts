export type BenchRow = {
  section: string
  metric: string
  value: string
  /** The target from the issue, where there is one. */
  target?: string
}

export type BenchContext = {
  /** A `next start` of the seed site, built into .next-bench. */
  baseUrl: string
  distDir: string
}

export type BenchSection = {
  name: string
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

export function formatBytes(bytes: number): string {
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
