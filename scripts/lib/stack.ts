/**
 * The production shape on one machine: redis-server, N `next start` processes
 * sharing their page cache, sign-in limits and authors through it, and nginx in front with TLS and a page
 * cache, every one a child process on loopback with its output prefixed.
 * Used by `npm run stack`, the end-to-end tests and the bench.
 */
import { type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { startNginx } from './nginx'
import { ROOT, findProgram, freePort, startNextServer, stopServer, waitForPort } from './process'
import { startRedis } from './redis'
import { ensureSelfSignedCertificate, type Certificate } from './tls'

export const INSTALL_HINT = 'apt-get install -y nginx redis-server openssl'

export type Tools = { nginx: string; redisServer: string; openssl: string }

/** The three programs the stack runs, found on PATH or in the sbin folders a non-root PATH lacks. */
export function findTools(): Tools {
  const found = { nginx: findProgram('nginx'), redisServer: findProgram('redis-server'), openssl: findProgram('openssl') }
  const missing = Object.entries({ nginx: found.nginx, 'redis-server': found.redisServer, openssl: found.openssl })
    .filter(([, file]) => !file)
    .map(([name]) => name)
  if (missing.length > 0) throw new Error(`${missing.join(', ')} not found. Install with:\n  ${INSTALL_HINT}`)
  return found as Tools
}

export type StackOptions = {
  /** Redis data, the certificate, nginx's prefix and the pid list live here. */
  dataDir: string
  /** The build the app processes serve (absolute). */
  distDir: string
  replicas: number
  httpsPort: number
  httpPort: number
  /** The name in the certificate and the canonical host (default localhost). */
  hostname?: string
  /** Environment for the app processes; the stack adds NODE_ENV, NEXT_DIST_DIR, REDIS_URL and TRUSTED_PROXIES. */
  env: NodeJS.ProcessEnv
  /** More environment for app process `index` (1-based) alone: the tests give each its own data folder, as separate machines have. */
  appEnv?: (index: number) => Record<string, string>
  /** Runs once redis-server is up, before the app processes start (`npm run stack` provisions the authors there). */
  beforeApps?: (redisUrl: string) => Promise<void>
  workerProcesses?: number | 'auto'
  /** Where prefixed output lines go (default: stdout). */
  write?: (line: string) => void
}

export type AppProcess = { name: string; port: number; url: string; env: NodeJS.ProcessEnv; child: ChildProcess }

export type Stack = {
  url: string
  httpUrl: string
  redisUrl: string
  certificate: Certificate
  apps: AppProcess[]
  nginx: ChildProcess
  /** Stops redis-server (the tests take it away to show the site survives). */
  stopRedis: () => Promise<void>
  /** Starts redis-server again on the same port with the same data. */
  startRedis: () => Promise<void>
  /**
   * Freezes redis-server (SIGSTOP): its port still accepts connections and takes commands, but nothing
   * answers, as in a network partition or a server stuck on a disk. resumeRedis (SIGCONT) thaws it.
   */
  pauseRedis: () => void
  resumeRedis: () => void
  /** Starts an app process again on its port (after it died), so nginx sends it requests again. */
  restartApp: (app: AppProcess) => Promise<void>
  stop: () => Promise<void>
}

/** Copies a child's output to `write`, each line prefixed with its name. */
export function prefixOutput(child: ChildProcess, name: string, write: (line: string) => void): void {
  const label = `[${name}]`.padEnd(10)
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', (line) => write(`${label} ${line}`))
  }
}

type PidEntry = { pid: number; name: string; command: string }

/** The proxy first, so nothing new arrives; then the apps; Redis last, once nothing writes to it. */
const STOP_ORDER = ['nginx', 'next', 'redis-server']

function pidFile(dataDir: string): string {
  return path.join(dataDir, 'stack-pids.json')
}

function commandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ')
  } catch {
    return undefined
  }
}

/**
 * Stops what an earlier run left behind (a killed terminal, a crashed script), so a
 * second run starts clean. Only pids this stack recorded, and only while they still
 * run the program recorded for them.
 */
export async function stopLeftovers(dataDir: string, write: (line: string) => void): Promise<void> {
  const file = pidFile(dataDir)
  if (!existsSync(file)) return
  const entries = JSON.parse(readFileSync(file, 'utf8')) as PidEntry[]
  for (const { pid, name, command } of entries.sort((a, b) => STOP_ORDER.indexOf(a.command) - STOP_ORDER.indexOf(b.command))) {
    if (!commandLine(pid)?.includes(command)) continue
    write(`sandbank: stopping ${name} (pid ${pid}) left running by an earlier stack`)
    process.kill(pid, 'SIGTERM')
    for (let waited = 0; commandLine(pid) && waited < 5000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100))
    if (commandLine(pid)) process.kill(pid, 'SIGKILL')
  }
  rmSync(file, { force: true })
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const write = options.write ?? ((line: string) => process.stdout.write(line + '\n'))
  const tools = findTools()
  const hostname = options.hostname ?? 'localhost'
  await stopLeftovers(options.dataDir, write)
  const certificate = await ensureSelfSignedCertificate(path.join(options.dataDir, 'tls'), [hostname, '127.0.0.1'])
  const publicHost = options.httpsPort === 443 ? hostname : `${hostname}:${options.httpsPort}`
  const url = `https://${publicHost}`

  const children: { name: string; child: ChildProcess; command: string }[] = []
  let stopping = false
  const track = (name: string, child: ChildProcess, command: string) => {
    children.push({ name, child, command })
    prefixOutput(child, name, write)
    child.on('exit', (code, signal) => stopping || write(`sandbank: ${name} exited (${signal ?? code})`))
    writeFileSync(pidFile(options.dataDir), JSON.stringify(children.map((c) => ({ name: c.name, pid: c.child.pid, command: c.command }))))
  }

  const redisPort = await freePort()
  const redisDir = path.join(options.dataDir, 'redis')
  let redis: ChildProcess | undefined
  const bringUpRedis = async () => {
    redis = startRedis(tools.redisServer, { port: redisPort, dataDir: redisDir })
    track('redis', redis, 'redis-server')
    await waitForPort(redisPort, redis, 'redis-server')
  }
  const stopAll = async () => {
    stopping = true
    // A frozen redis-server would not see SIGTERM until thawed.
    redis?.kill('SIGCONT')
    for (const command of STOP_ORDER) await Promise.all(children.filter((c) => c.command === command).map((c) => stopServer(c.child)))
    rmSync(pidFile(options.dataDir), { force: true })
  }

  try {
    await bringUpRedis()
    const redisUrl = `redis://127.0.0.1:${redisPort}`
    await options.beforeApps?.(redisUrl)
    const env: NodeJS.ProcessEnv = {
      ...options.env,
      NODE_ENV: 'production',
      NEXT_DIST_DIR: path.relative(ROOT, options.distDir),
      REDIS_URL: redisUrl,
      // nginx is the one proxy in front: it overwrites X-Forwarded-For with the client's address.
      TRUSTED_PROXIES: '1',
      NEXTAUTH_URL: options.env.NEXTAUTH_URL || url,
    }
    const apps: AppProcess[] = []
    for (let i = 1; i <= options.replicas; i++) {
      const port = await freePort()
      const appEnv = { ...env, ...options.appEnv?.(i) }
      const app: AppProcess = { name: `next ${i}`, port, url: `http://127.0.0.1:${port}`, env: appEnv, child: startNextServer(port, appEnv, 'pipe') }
      track(app.name, app.child, 'next')
      apps.push(app)
    }
    await Promise.all(apps.map((app) => waitForPort(app.port, app.child, app.name)))

    const nginx = await startNginx(tools.nginx, {
      prefix: path.join(options.dataDir, 'nginx'),
      workerProcesses: options.workerProcesses,
      publicHost,
      serverName: `${hostname} 127.0.0.1`,
      httpsListen: `127.0.0.1:${options.httpsPort}`,
      httpListen: `127.0.0.1:${options.httpPort}`,
      cert: certificate.cert,
      certKey: certificate.key,
      upstreams: apps.map((app) => `127.0.0.1:${app.port}`),
      staticDir: path.join(options.distDir, 'static'),
    })
    track('nginx', nginx, 'nginx')
    await waitForPort(options.httpsPort, nginx, 'nginx')

    return {
      url,
      httpUrl: `http://${hostname}:${options.httpPort}`,
      redisUrl,
      certificate,
      apps,
      nginx,
      stopRedis: async () => {
        if (redis) await stopServer(redis)
      },
      startRedis: bringUpRedis,
      pauseRedis: () => void redis?.kill('SIGSTOP'),
      resumeRedis: () => void redis?.kill('SIGCONT'),
      restartApp: async (app) => {
        await stopServer(app.child)
        app.child = startNextServer(app.port, app.env, 'pipe')
        track(app.name, app.child, 'next')
        await waitForPort(app.port, app.child, app.name)
      },
      stop: stopAll,
    }
  } catch (error) {
    await stopAll()
    throw error
  }
}
