import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { ROOT } from '../lib/process'
import type { OgRenderResult } from './og-render'
import type { ScriptCardResult } from './og-scripts'
import { type BenchRow, type BenchSection, firstPostUrl, formatBytes, formatMs, httpLatencies, percentile } from './types'

const sorted = (values: number[]) => [...values].sort((a, b) => a - b)

/** A renderer script in a child process, because tsx needs scripts/bench/tsconfig.og-render.json to load the contentlayer output that lib/content imports. */
function renderInChild(script: string) {
  return promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/bench', script)], {
    cwd: ROOT,
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(ROOT, 'scripts/bench/tsconfig.og-render.json') },
    maxBuffer: 16 * 1024 * 1024,
  })
}

/** In-process card rendering (median render time, PNG sizes) and HTTP time for a prerendered card. */
export const og: BenchSection = {
  name: 'og',
  async run({ baseUrl }) {
    const { stdout } = await renderInChild('og-render.ts')
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
    // Latin, Chinese and Persian titles in a fresh process: the first card of each script pays for its fonts.
    for (const card of JSON.parse((await renderInChild('og-scripts.ts')).stdout) as ScriptCardResult[]) {
      rows.push(
        {
          section: 'og',
          metric: `${card.script} title: first render / median of 10`,
          value: `${formatMs(card.firstRenderMs)} / ${formatMs(card.medianRenderMs)}`,
        },
        { section: 'og', metric: `${card.script} title: font bytes read`, value: formatBytes(card.fontBytes) },
        {
          section: 'og',
          metric: `${card.script} title: ink agreement with Chromium (docs/og-scripts.png)`,
          value: card.inkAgreement.toFixed(3),
          target: '≥ 0.95',
        },
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
