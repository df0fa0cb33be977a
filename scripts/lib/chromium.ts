/** Debian's Chromium, as the e2e tests drive it (playwright-core) and the Lighthouse bench launches it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/** Headless and quiet: no sandbox (CI runs as root), no GPU, no background network or updates. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
