/**
 * Debian's redis-server for the local stack, the tests and the bench: the settings
 * of deploy/redis/sandbank.conf (what a VM runs), on a loopback port, with its data
 * in the given folder, in the foreground.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from './process'

export const REDIS_CONFIG = path.join(ROOT, 'deploy/redis/sandbank.conf')

export function startRedis(redisServer: string, { port, dataDir }: { port: number; dataDir: string }): ChildProcess {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  // Command-line options override the file's.
  const args = [REDIS_CONFIG, '--port', String(port), '--bind', '127.0.0.1', '--dir', dataDir, '--pidfile', path.join(dataDir, 'redis.pid')]
  return spawn(redisServer, args, { stdio: ['ignore', 'pipe', 'pipe'] })
}
