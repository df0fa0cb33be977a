/** `npm run dev`: embedded defaults, then `contentlayer2 dev` (content live reload) beside `next dev`. */
import path from 'node:path'
import { spawn } from 'node:child_process'
import { bootstrapEnvironment } from './lib/bootstrap-env'
import { BIN, CONTENTLAYER, ROOT } from './lib/process'

async function main() {
  const port = Number(process.env.PORT || 3000)
  const env = await bootstrapEnvironment(port)
  const children = [
    spawn(CONTENTLAYER, ['dev'], { cwd: ROOT, env, stdio: 'inherit' }),
    spawn(path.join(BIN, 'next'), ['dev', '-p', String(port)], { cwd: ROOT, env, stdio: 'inherit' }),
  ]
  const stop = () => children.forEach((child) => child.kill('SIGTERM'))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  for (const child of children)
    child.on('exit', (code) => {
      stop()
      process.exitCode = code ?? 0
    })
}

main().catch((error: Error) => {
  console.error(`sandbank: ${error.message}`)
  process.exit(1)
})
