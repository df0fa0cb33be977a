/**
 * `npm start`: builds when there is no build yet, checks that this environment
 * agrees with the build (lib/config/build-settings.ts), fills in the embedded
 * defaults, then serves on PORT (default 3000) with `next start`.
 */
import path from 'node:path'
import { conflictsWithBuild } from '../lib/auth'
import { isLoopbackUrl, localSiteUrlWarning, readServerConfig, withBuildSettings } from '../lib/config'
import { bootstrapEnvironment } from './lib/bootstrap-env'
import { buildSite, hasBuild, readBuildSettings } from './lib/build'
import { ROOT, startNextServer } from './lib/process'

async function main() {
  const port = Number(process.env.PORT || 3000)
  const siteUrlSet = Boolean(process.env.SITE_URL?.trim())
  const distDir = path.join(ROOT, process.env.NEXT_DIST_DIR || '.next')
  if (!hasBuild(distDir)) {
    console.log('sandbank: no build yet, building (contentlayer2 build && next build)…')
    await buildSite({ ...process.env, SITE_URL: process.env.SITE_URL || `http://localhost:${port}`, NODE_ENV: 'production' })
  }

  // Before any default is made: a secret generated now could never be the one the build was given.
  const build = readBuildSettings(distDir)
  const given = withBuildSettings(process.env, build)
  if (build) {
    const conflicts = conflictsWithBuild(build, process.env, readServerConfig(given))
    if (conflicts.length > 0)
      throw new Error(
        ['this environment does not match the build in ' + path.relative(ROOT, distDir) + ':', ...conflicts.map((c) => `  - ${c}`)].join('\n'),
      )
    if (!siteUrlSet && given.SITE_URL)
      console.log(`sandbank: SITE_URL is not set, so serving this build at ${given.SITE_URL}, the address it was built for.`)
  }

  const env = await bootstrapEnvironment(port, { from: given })
  Object.assign(env, { NODE_ENV: 'production' })
  // A site for this machine only listens on this machine only, unless BIND_ADDRESS says otherwise.
  const bindAddress = process.env.BIND_ADDRESS?.trim() || (isLoopbackUrl(env.SITE_URL!) ? '127.0.0.1' : '0.0.0.0')
  const warning = localSiteUrlWarning(env.SITE_URL!, { siteUrlSet: Boolean(given.SITE_URL), listeningOn: bindAddress })
  if (warning) console.warn(warning)
  const server = startNextServer(port, env, 'inherit', bindAddress)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal))
  server.on('exit', (code) => process.exit(code ?? 0))
}

main().catch((error: Error) => {
  console.error(`sandbank: ${error.message}`)
  process.exit(1)
})
