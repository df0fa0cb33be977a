/**
 * `npm run bench`: builds the seed site into .next-bench (timed, for the build
 * section), starts it, runs every section, prints one table and writes it to
 * docs/benchmarks.md. Figures, not pass/fail: compare ratios within a run.
 *   --only <section>   run one section (by name); docs/benchmarks.md is left alone
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ROOT, freePort, startNextServer, stopServer, waitForHttp } from './lib/process'
import { measureBuild } from './bench/build'
import { sections } from './bench/sections'
import type { BenchRow } from './bench/types'

const DOCS = path.join(ROOT, 'docs/benchmarks.md')

async function main() {
  const onlyIndex = process.argv.indexOf('--only')
  const only = onlyIndex > -1 ? process.argv[onlyIndex + 1] : undefined
  const chosen = sections.filter((s) => !only || s.name === only)
  if (chosen.length === 0) throw new Error(`no section named ${only}; sections: ${sections.map((s) => s.name).join(', ')}`)
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const distDir = '.next-bench'
  const env = { ...process.env, NODE_ENV: 'production' as const, NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: distDir, SITE_URL: baseUrl }
  const seedPosts = readdirSync(path.join(ROOT, 'content/posts')).filter((file) => file.endsWith('.mdx')).length
  // Nothing else runs yet, so this is the cleanest build time of the run.
  const seedBuild = await measureBuild(env, seedPosts)
  const server = startNextServer(port, env)
  let stopping = false
  // Its output is ignored, so say when the server dies early: every later section then fails with ECONNREFUSED.
  server.on('exit', (code, signal) => stopping || console.error(`bench: next start exited early with ${signal ?? code}`))
  const rows: BenchRow[] = []
  const failed: string[] = []
  try {
    await waitForHttp(baseUrl + '/')
    for (const section of chosen) {
      console.error(`bench: ${section.name}…`)
      // One broken section (a missing tool, a hung browser) should not cost the others' figures.
      try {
        rows.push(...(await section.run({ baseUrl, distDir: path.join(ROOT, distDir), seedBuild })))
      } catch (error) {
        failed.push(section.name)
        console.error(error)
        rows.push({ section: section.name, metric: 'failed', value: (error as Error).message.split('\n')[0] })
      }
    }
  } finally {
    stopping = true
    await stopServer(server)
  }
  const machine = describeMachine()
  const date = new Date().toISOString()
  printTable(rows, machine, date)
  if (failed.length > 0) {
    console.error(`\nbench: ${failed.join(', ')} failed; ${path.relative(ROOT, DOCS)} left as it was.`)
    process.exitCode = 1
  } else if (only) {
    console.error(`\nbench: --only ${only}, so ${path.relative(ROOT, DOCS)} left as it was.`)
  } else {
    writeFileSync(DOCS, markdown(rows, machine, date))
    console.error(`\nbench: wrote ${path.relative(ROOT, DOCS)}`)
  }
}

type Machine = { cores: number; cpu: string; memory: string; node: string; os: string }

function describeMachine(): Machine {
  const release = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]+)"?/m)?.[1] : undefined
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    os: `${release ?? os.type()} (${os.type()} ${os.release()}, ${os.arch()})`,
  }
}

const describe = (m: Machine) => `${m.cores} × ${m.cpu}, ${m.memory} RAM, Node ${m.node}, ${m.os}`

function printTable(rows: BenchRow[], machine: Machine, date: string) {
  const header: BenchRow = { section: 'section', metric: 'metric', value: 'value', target: 'target' }
  const all = [header, ...rows]
  const width = (key: keyof BenchRow) => Math.max(...all.map((row) => (row[key] ?? '').length))
  const widths = { section: width('section'), metric: width('metric'), value: width('value') }
  console.log(`\nSandbank benchmarks, ${date}, ${describe(machine)}\n`)
  for (const row of all) {
    console.log(
      `${row.section.padEnd(widths.section)}  ${row.metric.padEnd(widths.metric)}  ${row.value.padStart(widths.value)}  ${row.target ?? ''}`,
    )
  }
}

function markdown(rows: BenchRow[], machine: Machine, date: string): string {
  // Metrics name tags such as <script src>, which markdown would take for HTML.
  const cell = (text = '') => text.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  return `# Benchmarks

Written by \`npm run bench\` (\`scripts/bench.ts\`); do not edit by hand. Every figure comes from the same run.

- **Date:** ${date}
- **Machine:** ${machine.cores} cores, ${machine.cpu}, ${machine.memory} RAM
- **Node:** ${machine.node}
- **OS:** ${machine.os}

## How to read this

- These are figures, not pass/fail. The machine may be shared and has few cores, so absolute numbers move between runs; compare ratios within one run (next start against nginx, 1,000 posts against the seed site), and the "target" column where the issue set one.
- **build**: wall time of \`contentlayer2 build\` and \`next build\`, cold (fresh dist folder), for the seed site and for 1,000 synthetic posts of ~500 words. "Max RSS (largest process)" is GNU time's figure for the biggest single process; "peak RSS (process tree sum)" adds up every process of the build, sampled every 200 ms, which is what the machine must have free.
- **page weight**: bytes as served (raw) and zlib level 9 (gzip). JavaScript counts every \`<script src>\` a modern browser loads (Next's \`nomodule\` polyfills for old browsers are left out). A post page should load nothing beyond what the 404 page already loads.
- **throughput**: requests per second for one post page, the load generator on the same machine, with no compression; nginx serving the identical HTML from disk is the ceiling for this machine. Targets are measured in interleaved rounds and reported by their median round, so a burst of other work on the machine is shared out rather than charged to one of them.
- **stack**: the production shape ([deployment.md](deployment.md)): nginx with TLS and its page cache in front of two \`next start\` processes sharing Redis. The ceiling here is nginx serving the same HTML over the same TLS; "cache bypassed" sends a session cookie, so every request reaches a process.
- **lighthouse**: Lighthouse 12 defaults (mobile emulation, simulated throttling) in headless Chromium; LCP and TBT are modelled, not measured on a phone.
- **images**: a post with three 3000×2000 photos (~1.7 MiB JPEG each, drawn by sharp), built into its own dist folder and served by its own \`next start\`. Bytes are what Chromium downloads for the page's pictures (first screen: on load, before scrolling; whole post: after scrolling to the end). Build-time cost encodes each photo into an empty store; next/image's cost is Next 16's own transform (\`optimizeImage\`) at its defaults, a lower bound for its first request. See [images.md](images.md).
- **search** and **og**: see [search.md](search.md) and [og.md](og.md).

## Results

| Section | Metric | Value | Target |
| --- | --- | --- | --- |
${rows.map((row) => `| ${cell(row.section)} | ${cell(row.metric)} | ${cell(row.value)} | ${cell(row.target)} |`).join('\n')}
`
}

main().catch((error: Error) => {
  console.error(error)
  process.exit(1)
})
