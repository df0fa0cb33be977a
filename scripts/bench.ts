/**
 * `npm run bench`: builds the seed site into .next-bench, starts it, runs every
 * section and prints one table. Figures, not pass/fail: compare ratios within a run.
 *   --only <section>   run one section (by name)
 */
import { rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { BIN, ROOT, freePort, run, startNextServer, stopServer, waitForHttp } from './lib/process'
import { sections } from './bench/sections'
import type { BenchRow } from './bench/types'

async function main() {
  const onlyIndex = process.argv.indexOf('--only')
  const only = onlyIndex > -1 ? process.argv[onlyIndex + 1] : undefined
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const distDir = '.next-bench'
  const env = { ...process.env, NODE_ENV: 'production' as const, NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: distDir, SITE_URL: baseUrl }
  rmSync(path.join(ROOT, distDir), { recursive: true, force: true })
  await run(path.join(BIN, 'contentlayer2'), ['build'], env)
  await run(path.join(BIN, 'next'), ['build'], env)
  const server = startNextServer(port, env)
  const rows: BenchRow[] = []
  try {
    await waitForHttp(baseUrl + '/')
    for (const section of sections.filter((s) => !only || s.name === only)) {
      console.error(`bench: ${section.name}…`)
      rows.push(...(await section.run({ baseUrl, distDir: path.join(ROOT, distDir) })))
    }
  } finally {
    await stopServer(server)
  }
  printTable(rows)
}

function printTable(rows: BenchRow[]) {
  const header: BenchRow = { section: 'section', metric: 'metric', value: 'value', target: 'target' }
  const all = [header, ...rows]
  const width = (key: keyof BenchRow) => Math.max(...all.map((row) => (row[key] ?? '').length))
  const widths = { section: width('section'), metric: width('metric'), value: width('value') }
  console.log(`\nSandbank benchmarks, ${new Date().toISOString()}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}\n`)
  for (const row of all) {
    console.log(
      `${row.section.padEnd(widths.section)}  ${row.metric.padEnd(widths.metric)}  ${row.value.padStart(widths.value)}  ${row.target ?? ''}`,
    )
  }
}

main().catch((error: Error) => {
  console.error(error)
  process.exit(1)
})
