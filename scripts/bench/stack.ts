/**
 * The production shape under load, in one run, for one post page:
 *   1. nginx serving the same HTML from disk over the same TLS (the ceiling);
 *   2. the stack (nginx + 2 × next start + redis-server) answering from nginx's page cache;
 *   3. the stack with the page cache bypassed (a session cookie), so both processes render;
 *   4. the single `next start` the bench already runs, over plain HTTP.
 * Requests per second and p99 latency for each, and the ratio of 2 to 1 (target ≥ 0.5).
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { httpsRequest } from '../lib/https-request'
import { freePort } from '../lib/process'
import { startStack, type Stack } from '../lib/stack'
import { formatLoad, measureInterleaved, type Load } from './load'
import { startStaticNginx } from './static-nginx'
import { firstPostUrl, type BenchRow, type BenchSection } from './types'

/** A session cookie: nginx passes the request to a process, past its cache. */
export const BYPASS = { cookie: 'next-auth.session-token=bench' }

/**
 * The production shape on the bench's build: nginx, two `next start`, redis-server, on free ports, with
 * a throwaway data folder. `write` receives the processes' output (the default drops it).
 */
export async function startBenchStack(
  distDir: string,
  write: (line: string) => void = () => {},
): Promise<{ stack: Stack; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sandbank-bench-stack-'))
  const stack = await startStack({
    dataDir,
    distDir,
    replicas: 2,
    httpsPort: await freePort(),
    httpPort: await freePort(),
    workerProcesses: 1,
    env: {
      ...process.env,
      NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
      AUTHORS_FILE: path.join(dataDir, 'authors.json'),
      NEXTAUTH_URL: '',
    },
    write,
  }).catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true })
    throw error
  })
  return {
    stack,
    stop: async () => {
      await stack.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export const stackSection: BenchSection = {
  name: 'stack',
  async run({ baseUrl, distDir }) {
    const section = 'stack'
    const postPath = new URL(await firstPostUrl(baseUrl)).pathname
    const { stack, stop } = await startBenchStack(distDir)
    const rows: BenchRow[] = []
    const row = (metric: string, load: Load) => {
      rows.push({ section, metric: `${metric} (${load.tool})`, value: formatLoad(load) })
      if (load.errors) rows.push({ section, metric: `${metric}: errors or non-2xx`, value: String(load.errors) })
    }
    let staticNginx: Awaited<ReturnType<typeof startStaticNginx>> | undefined
    try {
      const { port } = new URL(stack.url)
      const target = { port: Number(port), servername: 'localhost', ca: readFileSync(stack.certificate.cert) }
      const stackUrl = `https://127.0.0.1:${port}${postPath}`
      // Stored by the first request; the load then reads it from the cache.
      const first = await httpsRequest(target, 'GET', postPath)
      const hit = await httpsRequest(target, 'GET', postPath)
      const bypass = await httpsRequest(target, 'GET', postPath, BYPASS)
      if (first.status !== 200 || hit.headers.get('x-cache-status') !== 'HIT' || bypass.headers.get('x-cache-status') !== 'BYPASS') {
        throw new Error(
          `stack: expected 200, a HIT and a BYPASS, got ${first.status}, ${hit.headers.get('x-cache-status')}, ${bypass.headers.get('x-cache-status')}`,
        )
      }
      staticNginx = await startStaticNginx(Buffer.from(hit.text), { cert: stack.certificate.cert, key: stack.certificate.key })

      const [ceiling, cached, uncached, single] = await measureInterleaved([
        { url: staticNginx.url },
        { url: stackUrl },
        { url: stackUrl, headers: BYPASS },
        { url: `${baseUrl}${postPath}` },
      ])
      row('nginx, same HTML from disk, https', ceiling)
      row('stack, nginx page cache HIT, https', cached)
      row('stack, page cache bypassed, 2 × next start, https', uncached)
      row('single next start, http', single)
      rows.push({ section, metric: 'ratio, stack cache HIT ÷ nginx static', value: (cached.rps / ceiling.rps).toFixed(2), target: '≥ 0.50' })
      rows.push({ section, metric: 'ratio, stack without cache ÷ single next start', value: (uncached.rps / single.rps).toFixed(2) })
    } finally {
      await staticNginx?.stop()
      await stop()
    }
    return rows
  },
}
