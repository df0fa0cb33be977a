/** Runs once as each server process starts (not during `next build`). */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { checkAuthorStoreAtStart } = await import('./lib/auth')
    const { serverConfig } = await import('./lib/config/server')
    await checkAuthorStoreAtStart(serverConfig)
  }
}
