/**
 * Requests per second of `next start` for a post page, against nginx serving the
 * same HTML from disk: the physical reference for "a static page over HTTP on this
 * machine". Both on 127.0.0.1, uncompressed (wrk sends no Accept-Encoding), one
 * load generator, bounded in time. On a 2-core machine the load generator competes
 * with the server, so read the ratio, not the absolute figures.
 */
import { execFile, spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { freePort, stopServer, waitForHttp } from '../lib/process'
import { firstPostUrl, type BenchRow, type BenchSection } from './types'

const DURATION_S = 10
const WARMUP_S = 2
const CONNECTIONS = 16
const NGINX = '/usr/sbin/nginx'
const WRK = '/usr/bin/wrk'

type Load = { rps: number; requests: number; errors: number; tool: string }

async function wrk(url: string, seconds: number): Promise<Load> {
  const { stdout } = await promisify(execFile)(WRK, ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, url], { timeout: (seconds + 30) * 1000 })
  const number = (pattern: RegExp) => Number(stdout.match(pattern)?.[1] ?? 0)
  const socketErrors =
    stdout
      .match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/)
      ?.slice(1)
      .map(Number) ?? []
  return {
    rps: number(/Requests\/sec:\s+([\d.]+)/),
    requests: number(/(\d+) requests in/),
    errors: number(/Non-2xx or 3xx responses: (\d+)/) + socketErrors.reduce((a, b) => a + b, 0),
    tool: `wrk -t1 -c${CONNECTIONS} -d${seconds}s`,
  }
}

/** Fallback when wrk is not installed: CONNECTIONS fetch loops in this process (slower, so a lower ceiling). */
async function nodeLoad(url: string, seconds: number): Promise<Load> {
  const deadline = performance.now() + seconds * 1000
  let requests = 0
  let errors = 0
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < deadline) {
        try {
          const response = await fetch(url, { headers: { 'accept-encoding': 'identity' } })
          await response.arrayBuffer()
          if (response.ok) requests++
          else errors++
        } catch {
          errors++
        }
      }
    }),
  )
  return { rps: requests / seconds, requests, errors, tool: `Node fetch, ${CONNECTIONS} loops, ${seconds} s` }
}

const load = (url: string, seconds: number) => (existsSync(WRK) ? wrk(url, seconds) : nodeLoad(url, seconds))

/** Warm up (JIT, caches), then measure. */
async function measureRps(url: string): Promise<Load> {
  await load(url, WARMUP_S)
  return load(url, DURATION_S)
}

/** nginx on loopback only, in the foreground, one worker, no access log, everything under a temp prefix. */
function nginxConfig(prefix: string, port: number): string {
  return `daemon off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${prefix}/tmp/body;
  proxy_temp_path ${prefix}/tmp/proxy;
  fastcgi_temp_path ${prefix}/tmp/fastcgi;
  uwsgi_temp_path ${prefix}/tmp/uwsgi;
  scgi_temp_path ${prefix}/tmp/scgi;
  default_type text/html;
  server {
    listen 127.0.0.1:${port};
    root ${prefix}/root;
    location / { try_files /index.html =404; }
  }
}
`
}

export const throughput: BenchSection = {
  name: 'throughput',
  async run({ baseUrl }) {
    const section = 'throughput'
    const postUrl = await firstPostUrl(baseUrl)
    const html = Buffer.from(await (await fetch(postUrl, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer())
    const rows: BenchRow[] = []
    const next = await measureRps(postUrl)
    rows.push({ section, metric: `next start, post page (${next.tool})`, value: `${next.rps.toFixed(0)} req/s` })
    if (next.errors) rows.push({ section, metric: 'next start, errors or non-2xx', value: String(next.errors) })

    if (!existsSync(NGINX)) {
      rows.push({ section, metric: 'nginx, same HTML', value: 'n/a (apt-get install -y nginx)' })
      return rows
    }
    const prefix = mkdtempSync(path.join(tmpdir(), 'sandbank-nginx-'))
    // nginx's worker runs as nobody when started by root, and mkdtemp makes the folder 0700.
    chmodSync(prefix, 0o755)
    mkdirSync(path.join(prefix, 'root'))
    mkdirSync(path.join(prefix, 'tmp'))
    writeFileSync(path.join(prefix, 'root/index.html'), html)
    const port = await freePort()
    writeFileSync(path.join(prefix, 'nginx.conf'), nginxConfig(prefix, port))
    const nginx = spawn(NGINX, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-e', path.join(prefix, 'error.log')], { stdio: 'ignore' })
    try {
      const nginxUrl = `http://127.0.0.1:${port}/`
      await waitForHttp(nginxUrl, 10_000)
      const served = Buffer.from(await (await fetch(nginxUrl)).arrayBuffer())
      if (!served.equals(html)) throw new Error('throughput: nginx did not serve the same HTML')
      const reference = await measureRps(nginxUrl)
      rows.push({ section, metric: `nginx, same HTML from disk (${reference.tool})`, value: `${reference.rps.toFixed(0)} req/s` })
      if (reference.errors) rows.push({ section, metric: 'nginx, errors or non-2xx', value: String(reference.errors) })
      rows.push({ section, metric: 'ratio, nginx ÷ next start', value: `${(reference.rps / next.rps).toFixed(1)}×` })
    } finally {
      await stopServer(nginx)
      rmSync(prefix, { recursive: true, force: true })
    }
    return rows
  },
}
