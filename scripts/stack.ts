/**
 * `npm run stack -- [--replicas 2] [--port 8443] [--http-port 8080] [--build]`: the
 * production shape on this machine. redis-server, N `next start` processes
 * sharing their page cache, sign-in limits and authors through it, and nginx
 * in front with a self-signed certificate, a page cache and failover. A first
 * run copies .data/authors.json into Redis, or makes the default author there. Builds into .next-stack first when
 * there is no build for this address, or always with --build (after changing
 * content or code). Ctrl-C stops every process.
 */
import path from 'node:path'
import { conflictsWithBuild } from '../lib/auth'
import { readServerConfig } from '../lib/config'
import { bootstrapEnvironment, provisionAuthors } from './lib/bootstrap-env'
import { buildSite, hasBuild, readBuildSettings } from './lib/build'
import { ROOT } from './lib/process'
import { findTools, startStack } from './lib/stack'

const DIST_DIR = '.next-stack'
const USAGE = 'Usage: npm run stack -- [--replicas 2] [--port 8443] [--http-port 8080] [--build]'

function numberOption(name: string, fallback: number, min: number, max: number): number {
  const index = process.argv.indexOf(name)
  if (index === -1) return fallback
  const value = Number(process.argv[index + 1])
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}\n${USAGE}`)
  return value
}

/** SITE_URL and the site settings are baked into the pages, so a build made with others is rebuilt (lib/config/build-settings.ts). */
function needsBuild(distDir: string, env: NodeJS.ProcessEnv): boolean {
  const build = readBuildSettings(distDir)
  return !build || build.siteUrl !== env.SITE_URL || conflictsWithBuild(build, env, readServerConfig(env)).length > 0
}

async function main() {
  const replicas = numberOption('--replicas', 2, 1, 16)
  const httpsPort = numberOption('--port', 8443, 1, 65535)
  const httpPort = numberOption('--http-port', 8080, 1, 65535)
  findTools()
  process.env.SITE_URL ||= httpsPort === 443 ? 'https://localhost' : `https://localhost:${httpsPort}`
  // Authors live in the stack's Redis: provisioned once it is up (beforeApps below).
  const env: NodeJS.ProcessEnv = { ...(await bootstrapEnvironment(httpsPort, { authors: false })), NODE_ENV: 'production', NEXT_DIST_DIR: DIST_DIR }
  const distDir = path.join(ROOT, DIST_DIR)
  if (process.argv.includes('--build') || !hasBuild(distDir) || needsBuild(distDir, env)) {
    console.log(`sandbank: building for ${env.SITE_URL} into ${DIST_DIR} (contentlayer2 build && next build)…`)
    // With the environment as given: a secret generated into .data is no setting of the build's.
    await buildSite({ ...process.env, NODE_ENV: 'production', NEXT_DIST_DIR: DIST_DIR })
  }
  const config = readServerConfig(env)
  const dataDir = path.resolve(config.dataDir)
  const stack = await startStack({
    dataDir,
    distDir,
    replicas,
    httpsPort,
    httpPort,
    env,
    beforeApps: (redisUrl) => provisionAuthors({ ...config, redisUrl }, env.SITE_URL!),
  })
  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    console.log('sandbank: stopping nginx, the app processes and redis-server…')
    await stack.stop()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  console.log(
    [
      '',
      `sandbank: the stack is up at ${stack.url}/ (${replicas} × next start behind nginx; page cache, sign-in limits and authors in Redis).`,
      `  http://localhost:${httpPort}/ redirects there.`,
      `  The certificate is self-signed: ${stack.certificate.cert} (trust it, or accept the browser's warning).`,
      `  nginx logs: ${path.join(dataDir, 'nginx/logs')}; Redis data: ${path.join(dataDir, 'redis')}.`,
      `  Sign in at ${stack.url}/signin. Manage its authors with REDIS_URL=${stack.redisUrl} npm run author -- …`,
      '  Ctrl-C stops everything.',
      '',
    ].join('\n'),
  )
}

main().catch((error: Error) => {
  console.error(`sandbank: ${error.message}`)
  process.exit(1)
})
