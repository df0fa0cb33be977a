/**
 * A hung Redis through the production shape: the p99 of a post page asked for past
 * nginx's cache (so every request reaches a process, and through it the page cache
 * in Redis) while redis-server is frozen with SIGSTOP, against the p99 of the same
 * request with Redis answering, in interleaved rounds of one run. Each frozen round
 * starts the moment Redis is frozen, so it holds the requests that wait out the
 * Redis client's deadline (lib/redis) before each process gives the connection up;
 * the slowest request of the frozen rounds is reported with the p99.
 */
import os from 'node:os'
import { runLoad, type Load } from './load'
import { BYPASS, startBenchStack } from './stack'
import { firstPostUrl, formatMs, type BenchRow, type BenchSection } from './types'

const ROUNDS = 3
const SECONDS = 5
/** What each process logs when its connection to Redis works again (lib/redis). */
const REDIS_BACK = /\] +sandbank: Redis at \S+ is back;/

/** The round with the median p99. */
function median(loads: Load[]): Load {
  return [...loads].sort((a, b) => a.p99Ms - b.p99Ms)[Math.floor(loads.length / 2)]
}

export const redisHungSection: BenchSection = {
  name: 'redis-hung',
  async run({ baseUrl, distDir }) {
    const section = 'redis-hung'
    const postPath = new URL(await firstPostUrl(baseUrl)).pathname
    const log: string[] = []
    const { stack, stop } = await startBenchStack(distDir, (line) => log.push(line))
    const rows: BenchRow[] = []
    // The machine is shared: how busy it was says how to read the absolute times (the ratio compares rounds of one run).
    const loadAverage = () => os.loadavg()[0].toFixed(2)
    rows.push({ section, metric: 'machine load average (1 min) at start', value: loadAverage() })
    try {
      const { port } = new URL(stack.url)
      const url = `https://127.0.0.1:${port}${postPath}`
      // JIT, TLS sessions, and the page in Redis and in each process's memory.
      await runLoad(url, { headers: BYPASS, seconds: 2 })
      const answering: Load[] = []
      const frozen: Load[] = []
      for (let round = 0; round < ROUNDS; round++) {
        answering.push(await runLoad(url, { headers: BYPASS, seconds: SECONDS }))
        const from = log.length
        stack.pauseRedis()
        try {
          frozen.push(await runLoad(url, { headers: BYPASS, seconds: SECONDS }))
        } finally {
          stack.resumeRedis()
        }
        // Thawed: every process back on Redis before the next round measures it answering.
        const deadline = Date.now() + 30_000
        const back = () => stack.apps.every((app) => log.slice(from).some((line) => line.startsWith(`[${app.name}]`) && REDIS_BACK.test(line)))
        while (!back()) {
          if (Date.now() > deadline) throw new Error('redis-hung: the processes did not reconnect to Redis within 30 s of SIGCONT')
          await new Promise((resolve) => setTimeout(resolve, 100))
        }
      }
      const normal = median(answering)
      const hung = median(frozen)
      const tool = `${normal.tool}, median of ${ROUNDS} interleaved rounds`
      rows.push({
        section,
        metric: `post page past nginx's cache, Redis answering: p99 (${tool})`,
        value: `${formatMs(normal.p99Ms)} (${normal.rps.toFixed(0)} req/s)`,
      })
      rows.push({
        section,
        metric: `post page past nginx's cache, Redis frozen (SIGSTOP) from the first request: p99 (${tool})`,
        value: `${formatMs(hung.p99Ms)} (${hung.rps.toFixed(0)} req/s)`,
      })
      rows.push({ section, metric: 'Redis frozen: slowest request of every round', value: formatMs(Math.max(...frozen.map((load) => load.maxMs))) })
      rows.push({ section, metric: 'ratio, p99 with Redis frozen ÷ p99 with Redis answering', value: `${(hung.p99Ms / normal.p99Ms).toFixed(2)}×` })
      const errors = [...answering, ...frozen].reduce((sum, load) => sum + load.errors, 0)
      rows.push({ section, metric: 'errors, timeouts or non-2xx, every round', value: String(errors), target: '0' })
      rows.push({ section, metric: 'machine load average (1 min) at end', value: loadAverage() })
    } finally {
      await stop()
    }
    return rows
  },
}
