/**
 * `npm run bench`: builds the seed site into .next-bench (timed, for the build
 * section), starts it, runs every section, prints one table and writes it to
 * docs/benchmarks.md. Figures, not pass/fail: compare ratios within a run.
 *   --only <section>   run one section (by name); docs/benchmarks.md is left alone,
 *                      except that a scale or redis-hung run always updates its own table there
 *   --scale <N>        posts for the scale section (default 1,000)
 *   --label <text>     names the scale run's column (default: branch and commit)
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ROOT, freePort, startNextServer, stopServer, waitForHttp } from './lib/process'
import { measureBuild } from './bench/build'
import { DEFAULT_SCALE_POSTS } from './bench/scale'
import { sections } from './bench/sections'
import type { BenchRow, BenchSection, BuildMeasurement } from './bench/types'

const DOCS = path.join(ROOT, 'docs/benchmarks.md')
/** Every scale run kept, so runs of different commits and sizes stand side by side. */
const SCALE_RESULTS = path.join(ROOT, 'docs/benchmarks-scale.json')
const SCALE_START = '<!-- scale:start -->'
const SCALE_END = '<!-- scale:end -->'

/**
 * Sections whose figures have a table of their own in docs/benchmarks.md, with the date and machine of
 * the run that made them: every run of the section rewrites it, `--only` included, and leaves every
 * other figure as it was.
 */
const OWN_TABLES: Record<string, { title: string; about: string[] }> = {
  'redis-hung': {
    title: 'A hung Redis',
    about: [
      'Written by `npm run bench` or `npm run bench -- --only redis-hung` (`scripts/bench/redis-hung.ts`). The production shape',
      "([deployment.md](deployment.md)) on the bench's build: a post page asked for past nginx's cache (a session cookie), so every",
      'request reaches a process and, through it, the page cache in Redis. Rounds of 5 s with Redis answering and 5 s with',
      'redis-server frozen by SIGSTOP, interleaved, each frozen round starting the moment Redis is frozen; each figure is the',
      'round with the median p99. The slowest request includes those that wait out the Redis deadline (500 ms) before each',
      'process drops the connection and answers from its own memory. Before issue 21 these requests got no answer until SIGCONT.',
    ],
  },
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name)
  return index > -1 ? process.argv[index + 1] : undefined
}

function scalePosts(): number {
  const raw = option('--scale')
  if (raw === undefined) return DEFAULT_SCALE_POSTS
  const posts = Number(raw)
  if (!Number.isInteger(posts) || posts < 20 || posts > 100_000)
    throw new Error(`--scale must be a whole number of posts from 20 to 100000, got "${raw}"`)
  return posts
}

function defaultLabel(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim()
    const dirty = git('status', '--porcelain', '--untracked-files=no') ? '+changes' : ''
    return `${git('rev-parse', '--abbrev-ref', 'HEAD')} ${git('rev-parse', '--short', 'HEAD')}${dirty}`
  } catch {
    return 'unlabelled'
  }
}

async function main() {
  const only = option('--only')
  const all = sections({ posts: scalePosts() })
  const chosen = all.filter((s) => !only || s.name === only)
  if (chosen.length === 0) throw new Error(`no section named ${only}; sections: ${all.map((s) => s.name).join(', ')}`)
  const rows: BenchRow[] = []
  const failed: string[] = []
  const runSection = async (section: BenchSection, context: Parameters<BenchSection['run']>[0]) => {
    console.error(`bench: ${section.name}…`)
    // One broken section (a missing tool, a hung browser) should not cost the others' figures.
    try {
      rows.push(...(await section.run(context)))
    } catch (error) {
      failed.push(section.name)
      console.error(error)
      rows.push({ section: section.name, metric: 'failed', value: (error as Error).message.split('\n')[0] })
    }
  }
  const seedSections = chosen.filter((s) => s.needsSeedServer !== false)
  if (seedSections.length > 0) await runSeedSections(seedSections, runSection)
  // Sections with their own site run after the seed server has stopped, so they have the machine to themselves.
  for (const section of chosen.filter((s) => s.needsSeedServer === false)) await runSection(section, { baseUrl: '', distDir: '' })
  const machine = describeMachine()
  const date = new Date().toISOString()
  printTable(rows, machine, date)
  const scaleRows = rows.filter((row) => row.section === 'scale')
  if (scaleRows.length > 0 && !failed.includes('scale'))
    recordScaleRun({ label: option('--label') ?? defaultLabel(), date, machine: describe(machine), rows: scaleRows })
  const ownTables = chosen.filter((s) => OWN_TABLES[s.name] && !failed.includes(s.name)).map((s) => s.name)
  if (failed.length > 0) {
    console.error(`\nbench: ${failed.join(', ')} failed; ${path.relative(ROOT, DOCS)} left as it was.`)
    process.exitCode = 1
  } else if (only === 'release') {
    writeSectionRows('release', rows, date)
    console.error(`\nbench: --only release, so only the release rows of ${path.relative(ROOT, DOCS)} were replaced.`)
  } else if (only) {
    if (only === 'scale') writeScaleTable()
    for (const name of ownTables) writeOwnTable(name, rows, machine, date)
    const kept = only === 'scale' || ownTables.length > 0 ? ` but for its ${only} table` : ''
    console.error(`\nbench: --only ${only}, so ${path.relative(ROOT, DOCS)} left as it was${kept}.`)
  } else {
    writeFileSync(
      DOCS,
      markdown(
        rows.filter((row) => row.section !== 'scale' && !OWN_TABLES[row.section]),
        machine,
        date,
      ),
    )
    for (const name of ownTables) writeOwnTable(name, rows, machine, date)
    writeScaleTable()
    console.error(`\nbench: wrote ${path.relative(ROOT, DOCS)}`)
  }
}

async function runSeedSections(
  chosen: BenchSection[],
  runSection: (section: BenchSection, context: Parameters<BenchSection['run']>[0]) => Promise<void>,
): Promise<void> {
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const distDir = '.next-bench'
  // The seed server's comments and other data in a folder of its own, never the working copy's .data.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sandbank-bench-data-'))
  const env = {
    ...process.env,
    NODE_ENV: 'production' as const,
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: distDir,
    SITE_URL: baseUrl,
    DATA_DIR: dataDir,
    // Comment forms are signed with it (no secret file in the fresh DATA_DIR).
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || randomBytes(32).toString('base64url'),
  }
  const seedPosts = readdirSync(path.join(ROOT, 'content/posts')).filter((file) => file.endsWith('.mdx')).length
  // Nothing else runs yet, so this is the cleanest build time of the run.
  const seedBuild: BuildMeasurement = await measureBuild(env, seedPosts)
  const server = startNextServer(port, env)
  let stopping = false
  // Its output is ignored, so say when the server dies early: every later section then fails with ECONNREFUSED.
  server.on('exit', (code, signal) => stopping || console.error(`bench: next start exited early with ${signal ?? code}`))
  try {
    await waitForHttp(baseUrl + '/')
    for (const section of chosen) await runSection(section, { baseUrl, distDir: path.join(ROOT, distDir), seedBuild, dataDir })
  } finally {
    stopping = true
    await stopServer(server)
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** A markdown table cell: metrics name tags such as <script src>, which markdown would take for HTML. */
function cell(text = ''): string {
  return text.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

type ScaleRun = { label: string; date: string; machine: string; rows: BenchRow[] }

const postsOf = (run: ScaleRun) => Number(run.rows.find((row) => row.metric === 'posts')?.value.replace(/\D/g, '') ?? 0)

function readScaleRuns(): ScaleRun[] {
  return existsSync(SCALE_RESULTS) ? (JSON.parse(readFileSync(SCALE_RESULTS, 'utf8')) as { runs: ScaleRun[] }).runs : []
}

/** Keeps one run per label and size: a new run of the same commit at the same size replaces the old one. */
function recordScaleRun(run: ScaleRun): void {
  const runs = readScaleRuns().filter((old) => !(old.label === run.label && postsOf(old) === postsOf(run)))
  runs.push(run)
  runs.sort((a, b) => postsOf(a) - postsOf(b) || a.date.localeCompare(b.date))
  writeFileSync(SCALE_RESULTS, JSON.stringify({ runs }, null, 2) + '\n')
}

/** One column per recorded run, so before and after (and 1,000 and 10,000 posts) read across. */
function scaleTable(runs: ScaleRun[]): string {
  // The newest run's rows in its order (later runs measure more), then any only older runs have; its targets win.
  const metrics: string[] = []
  const targets = new Map<string, string | undefined>()
  for (const run of [...runs].reverse()) {
    for (const row of run.rows) {
      if (metrics.includes(row.metric)) continue
      metrics.push(row.metric)
      targets.set(row.metric, row.target)
    }
  }
  const header = `| Metric | ${runs.map((run) => `${cell(run.label)}, ${postsOf(run).toLocaleString('en-GB')} posts`).join(' | ')} | Target |`
  const rule = `| --- | ${runs.map(() => '---').join(' | ')} | --- |`
  const body = metrics.map(
    (metric) =>
      `| ${cell(metric)} | ${runs.map((run) => cell(run.rows.find((row) => row.metric === metric)?.value ?? '')).join(' | ')} | ${cell(targets.get(metric))} |`,
  )
  const dates = runs.map((run) => `- **${cell(run.label)}, ${postsOf(run).toLocaleString('en-GB')} posts:** ${run.date}, ${run.machine}`)
  return [
    SCALE_START,
    '## Scale',
    '',
    'Written by `npm run bench -- --only scale --scale N --label L` from [benchmarks-scale.json](benchmarks-scale.json), one column per run (`scripts/bench/scale.ts`).',
    'Each run writes N synthetic posts of ~800 words (a seeded Zipf mix of ~16,000 words, three headed sections, 1–3 of 40 tags, spread over ten years),',
    'builds them as `npm run build` does into a fresh `.next-bench-scale`, and serves them with `next start`:',
    '',
    "- **build**: wall time of each step; peak memory is the summed RSS of each step's process tree, sampled every 200 ms, and the larger step counts.",
    '- **cold start**: a fresh `next start` per row, timed from the request to the first byte of the answer. A search may be answered 503 while its index loads; then the time until it answered with results is its own row.',
    "- **warm server**: the oldest post's first request is also the post route's first since the start; the second-oldest post's first request is what a reader opening an old post gets from a running server (before this branch every post was prerendered).",
    "- **RSS** is the server's process tree after a crawl of every listing's first pages, a hundred posts, the feeds, the sitemap and twenty searches; the largest listing page is the largest of those crawled, by gzip size.",
    '- The machine is shared with other builds: the load average at the start and end of each run is recorded, and absolute times move with it.',
    '',
    ...dates,
    '',
    header,
    rule,
    ...body,
    SCALE_END,
  ].join('\n')
}

/** Replaces the scale table in docs/benchmarks.md, or adds it at the end. */
function writeScaleTable(): void {
  const runs = readScaleRuns()
  if (runs.length === 0 || !existsSync(DOCS)) return
  const docs = readFileSync(DOCS, 'utf8')
  const start = docs.indexOf(SCALE_START)
  const end = docs.indexOf(SCALE_END)
  const table = scaleTable(runs)
  const updated = start > -1 && end > start ? docs.slice(0, start) + table + docs.slice(end + SCALE_END.length) : `${docs.trimEnd()}\n\n${table}\n`
  writeFileSync(DOCS, updated)
}

/**
 * Replaces one section's rows in docs/benchmarks.md's results table (appending them when it has none),
 * and says when they were measured: the release's size does not move with the machine's load, so it
 * can be measured on its own (`--only release`) without a whole run.
 */
function writeSectionRows(section: string, rows: BenchRow[], date: string): void {
  if (!existsSync(DOCS)) return
  const lines = readFileSync(DOCS, 'utf8').split('\n')
  const fresh = rows.map((row) => `| ${row.section} | ${cell(row.metric)} | ${cell(row.value)} | ${cell(row.target)} |`)
  const kept = lines.filter((line) => !line.startsWith(`| ${section} |`))
  // After the last row of the results table, the first one (the sections with tables of their own follow it).
  const header = kept.findIndex((line) => line.startsWith('| Section |'))
  let lastRow = header
  while (lastRow + 1 < kept.length && kept[lastRow + 1].startsWith('| ')) lastRow++
  kept.splice(lastRow + 1, 0, ...fresh)
  const note = `- **${section} rows:** ${date}, measured alone (\`npm run bench -- --only ${section}\`)`
  const noteAt = kept.findIndex((line) => line.startsWith(`- **${section} rows:**`))
  if (noteAt > -1) kept[noteAt] = note
  else kept.splice(kept.findIndex((line) => line.startsWith('- **OS:**')) + 1, 0, note)
  writeFileSync(DOCS, kept.join('\n'))
}

/** Replaces section `name`'s own table in docs/benchmarks.md, or adds it before the scale table (or at the end). */
function writeOwnTable(name: string, rows: BenchRow[], machine: Machine, date: string): void {
  if (!existsSync(DOCS)) return
  const { title, about } = OWN_TABLES[name]
  const [start, end] = [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`]
  const table = [
    start,
    `## ${title}`,
    '',
    ...about,
    '',
    `- **Run:** ${date}, ${describe(machine)}`,
    '',
    '| Metric | Value | Target |',
    '| --- | --- | --- |',
    ...rows.filter((row) => row.section === name).map((row) => `| ${cell(row.metric)} | ${cell(row.value)} | ${cell(row.target)} |`),
    end,
  ].join('\n')
  const docs = readFileSync(DOCS, 'utf8')
  const [from, to] = [docs.indexOf(start), docs.indexOf(end)]
  const scale = docs.indexOf(SCALE_START)
  const updated =
    from > -1 && to > from
      ? docs.slice(0, from) + table + docs.slice(to + end.length)
      : scale > -1
        ? `${docs.slice(0, scale)}${table}\n\n${docs.slice(scale)}`
        : `${docs.trimEnd()}\n\n${table}\n`
  writeFileSync(DOCS, updated)
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
  return `# Benchmarks

Written by \`npm run bench\` (\`scripts/bench.ts\`); do not edit by hand. Every figure comes from the same run.

- **Date:** ${date}
- **Machine:** ${machine.cores} cores, ${machine.cpu}, ${machine.memory} RAM
- **Node:** ${machine.node}
- **OS:** ${machine.os}

## How to read this

- These are figures, not pass/fail. The machine may be shared and has few cores, so absolute numbers move between runs; compare ratios within one run (next start against nginx), and the "target" column where the issue set one.
- **build**: wall time of \`contentlayer2 build\` and \`next build\`, cold (fresh dist folder), for the seed site; builds of N synthetic posts are in the scale table below. "Max RSS (largest process)" is GNU time's figure for the biggest single process; "peak RSS (process tree sum)" adds up every process of the build, sampled every 200 ms, which is what the machine must have free.
- **page weight**: bytes as served (raw) and zlib level 9 (gzip). JavaScript counts every \`<script src>\` a modern browser loads (Next's \`nomodule\` polyfills for old browsers are left out). A post page should load nothing beyond what the 404 page already loads.
- **throughput**: requests per second for one post page, the load generator on the same machine, with no compression; nginx serving the identical HTML from disk is the ceiling for this machine. Targets are measured in interleaved rounds and reported by their median round, so a burst of other work on the machine is shared out rather than charged to one of them.
- **stack**: the production shape ([deployment.md](deployment.md)): nginx with TLS and its page cache in front of two \`next start\` processes sharing Redis. The ceiling here is nginx serving the same HTML over the same TLS; "cache bypassed" sends a session cookie, so every request reaches a process.
- **redis-hung**: a page's p99 with Redis frozen against its p99 with Redis answering, through the stack; in a table of its own below, which \`--only redis-hung\` rewrites.
- **lighthouse**: Lighthouse 12 defaults (mobile emulation, simulated throttling) in headless Chromium; LCP and TBT are modelled, not measured on a phone.
- **images**: a post with three 3000×2000 photos (~1.7 MiB JPEG each, drawn by sharp), built into its own dist folder and served by its own \`next start\`. Bytes are what Chromium downloads for the page's pictures (first screen: on load, before scrolling; whole post: after scrolling to the end). Build-time cost encodes each photo into an empty store; next/image's cost is Next 16's own transform (\`optimizeImage\`) at its defaults, a lower bound for its first request. See [images.md](images.md).
- **search** and **og**: see [search.md](search.md) and [og.md](og.md).
- **scale**: see the scale table at the end, kept across runs so before and after, and 1,000 and 10,000 posts, read side by side.

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
