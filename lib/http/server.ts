/**
 * The route guard proxy.ts runs before the dynamic routes (it reads the published posts, so it is
 * server-only), and the answers to requests Next must not see (TRACE, what Node's parser refuses), which instrumentation.ts installs.
 */
import 'server-only'

export { refuseRequestsBeforeNext } from './methods'
export { isRoutablePath, publicPathExists } from './route-guard'
import { site } from '../config'
import { serverConfig } from '../config/server'
import { getContentImageHosts, getContentRedirects } from '../content/server'
import type { ContentRedirects } from '../redirects'
import { siteSecurityHeaders } from './security-headers'

/**
 * The security headers of answers made before Next renders (proxy.ts, instrumentation.ts): the site's, with the
 * pictures' hosts the content records (content/image-hosts) beside IMAGE_REMOTE_HOSTS, as next.config.ts's pages get.
 * A store that cannot be read adds none and is not kept, so the page's own error answer is what a reader meets.
 */
let siteAndContentHeaders: ReturnType<typeof siteSecurityHeaders> | undefined
export function answerSecurityHeaders(): ReturnType<typeof siteSecurityHeaders> {
  if (siteAndContentHeaders) return siteAndContentHeaders
  const contentHosts = readContentOrNone(getContentImageHosts)
  const headers = siteSecurityHeaders({ ...site, imageRemoteHosts: [...site.imageRemoteHosts, ...(contentHosts ?? [])] }, serverConfig)
  if (contentHosts) siteAndContentHeaders = headers
  return headers
}

/** The content's old addresses and where they live now; none while the store cannot be read. */
export function contentRedirectsOrNone(): ContentRedirects {
  return readContentOrNone(getContentRedirects) ?? {}
}

function readContentOrNone<T>(read: () => T): T | undefined {
  try {
    return read()
  } catch {
    return undefined
  }
}
