import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { ROOT } from '../lib/process'
import type { OgRenderResult } from './og-render'
import { type BenchRow, type BenchSection, firstPostUrl, formatBytes, formatMs, httpLatencies, percentile } from './types'

const sorted = (values: number[]) => [...values].sort((a, b) => a - b)

/** In-process card rendering (median render time, PNG sizes) and HTTP time for a prerendered card. */
export const og: BenchSection = {
  name: 'og',
  async run({ baseUrl }) {
    // A child process, because tsx needs scripts/bench/tsconfig.og-render.json to load the contentlayer output that lib/content imports.
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/bench/og-render.ts')], {
      cwd: ROOT,
      env: { ...process.env, TSX_TSCONFIG_PATH: path.join(ROOT, 'scripts/bench/tsconfig.og-render.json') },
      maxBuffer: 16 * 1024 * 1024,
    })
    const result = JSON.parse(stdout) as OgRenderResult
    const rows: BenchRow[] = []
    for (const [label, run] of [
      ['seed posts', result.seed],
      ['100 synthetic titles', result.synthetic],
    ] as const) {
      const ms = sorted(run.ms)
      const bytes = sorted(run.bytes)
      rows.push(
        { section: 'og', metric: `render, ${label}, median`, value: formatMs(percentile(ms, 50)) },
        { section: 'og', metric: `render, ${label}, p95`, value: formatMs(percentile(ms, 95)) },
        { section: 'og', metric: `PNG size, ${label}, median`, value: formatBytes(percentile(bytes, 50)) },
        { section: 'og', metric: `PNG size, ${label}, max`, value: formatBytes(bytes.at(-1)!) },
      )
    }
    const cardUrl = (await firstPostUrl(baseUrl)).replace('/posts/', '/og/posts/')
    const http = await httpLatencies(cardUrl, 50)
    rows.push(
      { section: 'og', metric: 'HTTP, prerendered card, median', value: formatMs(percentile(http.latencies, 50)) },
      { section: 'og', metric: 'HTTP, prerendered card, p95', value: formatMs(percentile(http.latencies, 95)) },
    )
    return rows
  },
}
