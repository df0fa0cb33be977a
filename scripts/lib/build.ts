/**
 * Building, as `npm run build`, `npm start` (when there is no build) and
 * `npm run stack` do it, and reading back what a build was made with.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parseBuildSettings, type BuildSettings } from '../../lib/config'
import { BIN, CONTENTLAYER, run } from './process'

/** `contentlayer2 build && next build` with this environment. */
export async function buildSite(env: NodeJS.ProcessEnv): Promise<void> {
  await run(CONTENTLAYER, ['build'], env)
  await run(path.join(BIN, 'next'), ['build'], env)
}

export function hasBuild(distDir: string): boolean {
  return existsSync(path.join(distDir, 'BUILD_ID'))
}

/**
 * The settings a build was made with (lib/config/build-settings.ts): next.config.ts puts
 * them in the build's env, which Next keeps in required-server-files.json. Undefined for
 * a build that recorded none.
 */
export function readBuildSettings(distDir: string): BuildSettings | undefined {
  const file = path.join(distDir, 'required-server-files.json')
  if (!existsSync(file)) return undefined
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { config?: { env?: Record<string, string> } }
  return parseBuildSettings(manifest.config?.env?.SANDBANK_BUILD_SETTINGS)
}
