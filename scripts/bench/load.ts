/**
 * Bounded HTTP load against one URL: Debian's wrk when installed (C, one thread,
 * so the load generator takes as little of the machine as possible), otherwise
 * autocannon from npm. Both keep connections alive and send no Accept-Encoding.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { promisify } from 'node:util'
import autocannon from 'autocannon'

const WRK = '/usr/bin/wrk'
export const DURATION_S = 10
const WARMUP_S = 2
const CONNECTIONS = 16

export type Load = { rps: number; p99Ms: number; maxMs: number; requests: number; errors: number; tool: string }
type LoadOptions = { seconds?: number; headers?: Record<string, string> }

/** wrk prints latencies as 812.00us, 1.23ms or 1.02s. */
function toMs(value: string | undefined): number {
  const match = value?.match(/^([\d.]+)(us|ms|s)$/)
  if (!match) return Number.NaN
  const factor = { us: 0.001, ms: 1, s: 1000 }[match[2] as 'us' | 'ms' | 's']
  return Number(match[1]) * factor
}

async function wrk(url: string, { seconds = DURATION_S, headers = {} }: LoadOptions): Promise<Load> {
  const headerArgs = Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`])
  const { stdout } = await promisify(execFile)(WRK, ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency', ...headerArgs, url], {
    timeout: (seconds + 30) * 1000,
  })
  const number = (pattern: RegExp) => Number(stdout.match(pattern)?.[1] ?? 0)
  const socketErrors =
    stdout
      .match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/)
      ?.slice(1)
      .map(Number) ?? []
  return {
    rps: number(/Requests\/sec:\s+([\d.]+)/),
    p99Ms: toMs(stdout.match(/^\s+99%\s+(\S+)/m)?.[1]),
    // Latency  avg  stdev  max  +/- stdev
    maxMs: toMs(stdout.match(/^\s+Latency\s+\S+\s+\S+\s+(\S+)/m)?.[1]),
    requests: number(/(\d+) requests in/),
    errors: number(/Non-2xx or 3xx responses: (\d+)/) + socketErrors.reduce((a, b) => a + b, 0),
    tool: `wrk -t1 -c${CONNECTIONS} -d${seconds}s`,
  }
}

async function autocannonLoad(url: string, { seconds = DURATION_S, headers = {} }: LoadOptions): Promise<Load> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers })
  return {
    rps: result.requests.average,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
    tool: `autocannon -c${CONNECTIONS} -d${seconds}`,
  }
}

export function hasWrk(): boolean {
  return existsSync(WRK)
}

/** One bounded load run, with whichever tool is installed. */
export function runLoad(url: string, options: LoadOptions = {}): Promise<Load> {
  return (hasWrk() ? wrk : autocannonLoad)(url, options)
}

/** Warm up (JIT, caches, TLS sessions), then measure. */
export async function measureLoad(url: string, options: LoadOptions = {}): Promise<Load> {
  await runLoad(url, { ...options, seconds: WARMUP_S })
  return runLoad(url, options)
}

/**
 * Several targets measured in interleaved rounds (A B C, A B C, …), each reported by its
 * median round: on a shared machine the background load changes within seconds, and
 * interleaving spreads it over every target instead of charging it to whichever ran then.
 */
export async function measureInterleaved(
  targets: { url: string; headers?: Record<string, string> }[],
  { rounds = 5, seconds = 3 }: { rounds?: number; seconds?: number } = {},
): Promise<Load[]> {
  for (const target of targets) await runLoad(target.url, { headers: target.headers, seconds: WARMUP_S })
  const results: Load[][] = targets.map(() => [])
  for (let round = 0; round < rounds; round++) {
    for (const [index, target] of targets.entries()) results[index].push(await runLoad(target.url, { headers: target.headers, seconds }))
  }
  return results.map((loads) => {
    const median = [...loads].sort((a, b) => a.rps - b.rps)[Math.floor(loads.length / 2)]
    return { ...median, errors: loads.reduce((sum, load) => sum + load.errors, 0), tool: `${median.tool}, median of ${rounds} interleaved rounds` }
  })
}

export function formatLoad(load: Load): string {
  return `${load.rps.toFixed(0)} req/s, p99 ${load.p99Ms < 10 ? load.p99Ms.toFixed(2) : load.p99Ms.toFixed(0)} ms`
}
