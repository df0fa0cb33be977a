/**
 * `npm run build`: `contentlayer2 build && next build`, with a warning before
 * and after when SITE_URL names this machine, since every page, card and feed
 * bakes the address in (lib/config/build-settings.ts).
 */
import { localSiteUrlWarning, readSiteConfig } from '../lib/config'
import { buildSite } from './lib/build'

async function main() {
  const warning = localSiteUrlWarning(readSiteConfig(process.env).url, { siteUrlSet: Boolean(process.env.SITE_URL?.trim()) })
  if (warning) console.warn(warning)
  await buildSite(process.env)
  // Again at the end, where it is the last thing on the screen.
  if (warning) console.warn(warning)
}

main().catch((error: Error) => {
  console.error(`sandbank: ${error.message}`)
  process.exit(1)
})
