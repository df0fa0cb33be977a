/** Runs once as each server process starts (not during `next build`, whose workers neither sign in nor search). */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    // First: a server whose SITE_URL or secret contradicts its build stops before it serves a page.
    // Next inlines the build's record (next.config.ts); the rest of process.env is this process's own.
    const { checkAuthorStoreAtStart, checkSettingsAgainstBuildAtStart } = await import('./lib/auth')
    const { parseBuildSettings } = await import('./lib/config')
    const { serverConfig } = await import('./lib/config/server')
    checkSettingsAgainstBuildAtStart(parseBuildSettings(process.env.SANDBANK_BUILD_SETTINGS), process.env, serverConfig)
    // Loading the search index takes a third of a second or more with 10,000 posts, so it starts now, in slices that
    // leave the process free to serve pages, rather than on the first reader's query; and first, so that
    // an author store slow to answer (Redis unreachable) does not delay it.
    const { preloadSearchIndex } = await import('./lib/search/server')
    preloadSearchIndex()
    const { answerSecurityHeaders, refuseRequestsBeforeNext } = await import('./lib/http/server')
    refuseRequestsBeforeNext(answerSecurityHeaders())
    await checkAuthorStoreAtStart(serverConfig)
  }
}
