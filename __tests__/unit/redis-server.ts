/**
 * A real redis-server for the units that use Redis: Debian's, started the way the
 * stack starts it (scripts/lib/redis.ts, deploy/redis/sandbank.conf) on a free
 * loopback port with its data in a temporary folder. Tests stop and start it to
 * play an outage; the data survives, as it does for a restarted service.
 */
import { rmSync } from 'node:fs'
import type { ChildProcess } from 'node:child_process'
import { findProgram, freePort, stopServer, waitForPort } from '@/scripts/lib/process'
import { startRedis } from '@/scripts/lib/redis'
import { tempDir } from './fixtures'

export type TestRedis = {
  url: string
  /** Stops redis-server (SIGTERM: it saves its data first). */
  stop: () => Promise<void>
  /** Starts it again on the same port with the same data. */
  start: () => Promise<void>
  /** Freezes it (SIGSTOP): connections are still accepted and commands sent, but nothing answers, as in a network partition. */
  pause: () => void
  /** Thaws it (SIGCONT): it answers everything it was sent meanwhile. */
  resume: () => void
  /** Stops it and removes its data. */
  close: () => Promise<void>
}

export async function startTestRedis(): Promise<TestRedis> {
  const redisServer = findProgram('redis-server')
  if (!redisServer) throw new Error('redis-server not found. Install with: apt-get install -y redis-server')
  const port = await freePort()
  const dataDir = tempDir()
  let child: ChildProcess | undefined
  const start = async () => {
    child = startRedis(redisServer, { port, dataDir })
    await waitForPort(port, child, 'redis-server', 10_000)
  }
  const stop = async () => {
    // A frozen server would not see SIGTERM until thawed.
    child?.kill('SIGCONT')
    if (child) await stopServer(child)
  }
  await start()
  return {
    url: `redis://127.0.0.1:${port}`,
    stop,
    start,
    pause: () => void child?.kill('SIGSTOP'),
    resume: () => void child?.kill('SIGCONT'),
    close: async () => {
      await stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Polls until `check` passes (the client reconnects on its own schedule), or fails with its last error. */
export async function eventually(check: () => Promise<void>, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      return await check()
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

export type Settled<T> =
  { outcome: 'resolved'; value: T; ms: number } | { outcome: 'rejected'; error: unknown; ms: number } | { outcome: 'no answer'; ms: number }

/** How `promise` settled and how long it took, giving up after `limitMs`: a call that hangs fails its test instead of holding it. */
export async function settleWithin<T>(limitMs: number, promise: Promise<T>): Promise<Settled<T>> {
  const started = performance.now()
  const elapsed = () => performance.now() - started
  let timer: NodeJS.Timeout | undefined
  const gaveUp = new Promise<Settled<T>>((resolve) => {
    timer = setTimeout(() => resolve({ outcome: 'no answer', ms: elapsed() }), limitMs)
  })
  const settled = promise.then(
    (value): Settled<T> => ({ outcome: 'resolved', value, ms: elapsed() }),
    (error: unknown): Settled<T> => ({ outcome: 'rejected', error, ms: elapsed() }),
  )
  try {
    return await Promise.race([settled, gaveUp])
  } finally {
    clearTimeout(timer)
  }
}
