import { spawn, type ChildProcess } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { connect, createServer } from 'node:net'
import path from 'node:path'

export const ROOT = path.resolve(__dirname, '..', '..')
export const BIN = path.join(ROOT, 'node_modules', '.bin')
/** contentlayer2's CLI as `npm run content` runs it: without effect-ts tracing (scripts/contentlayer.mjs says why). */
export const CONTENTLAYER = path.join(ROOT, 'scripts', 'contentlayer.mjs')

/**
 * Runs a command to completion with inherited output; rejects on a non-zero exit.
 * onSpawn sees the child as soon as it starts (the bench samples its process tree's memory).
 */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env, onSpawn?: (child: ChildProcess) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit' })
    onSpawn?.(child)
    child.on('error', reject)
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(' ')} exited with ${signal ?? code}`)),
    )
  })
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url)
      if (response.status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`)
}

/** Starts `next start` for a built dist folder; the caller stops it with stopServer. `pipe` lets the caller read its log. */
export function startNextServer(
  port: number,
  env: NodeJS.ProcessEnv,
  stdio: 'inherit' | 'ignore' | 'pipe' = 'ignore',
  hostname = '127.0.0.1',
): ChildProcess {
  return spawn(path.join(BIN, 'next'), ['start', '-p', String(port), '-H', hostname], { cwd: ROOT, env, stdio })
}

export function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
    setTimeout(() => child.kill('SIGKILL'), 5000).unref()
  })
}

/** An executable on PATH or in the sbin folders a non-root PATH lacks (nginx, redis-server), or undefined. */
export function findProgram(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/local/sbin', '/sbin']
  return dirs
    .filter(Boolean)
    .map((dir) => path.join(dir, name))
    .find((file) => {
      try {
        accessSync(file, constants.X_OK)
        return true
      } catch {
        return false
      }
    })
}

/** Resolves once something accepts connections on the port; fails if the child exits first. */
export async function waitForPort(port: number, child: ChildProcess, name: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited during startup (${child.signalCode ?? child.exitCode})`)
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => (socket.destroy(), resolve(true)))
      socket.once('error', () => resolve(false))
    })
    if (open) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${name} did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`)
}
