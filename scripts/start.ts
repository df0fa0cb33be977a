/**
 * `npm start`: fills in embedded defaults, builds when there is no build yet,
 * then serves on PORT (default 3000) with `next start`.
 */
import path from 'node:path'
import { bootstrapEnvironment } from './lib/bootstrap-env'
import { BIN, CONTENTLAYER, ROOT, run, startNextServer } from './lib/process'
import { hasBuild } from './lib/provisioning'

async function main() {
  const port = Number(process.env.PORT || 3000)
  const env = await bootstrapEnvironment(port)
  Object.assign(env, { NODE_ENV: 'production' })
  const distDir = path.join(ROOT, env.NEXT_DIST_DIR || '.next')
  if (!hasBuild(distDir)) {
    console.log('sandbank: no build yet, building (contentlayer2 build && next build)…')
    await run(CONTENTLAYER, ['build'], env)
    await run(path.join(BIN, 'next'), ['build'], env)
  }
  const server = startNextServer(port, env, 'inherit', process.env.BIND_ADDRESS || '0.0.0.0')
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal))
  server.on('exit', (code) => process.exit(code ?? 0))
}

main().catch((error: Error) => {
  console.error(`sandbank: ${error.message}`)
  process.exit(1)
})
