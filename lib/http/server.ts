/** The route guard proxy.ts runs before the dynamic routes: it reads the published posts, so it is server-only. */
import 'server-only'

export { isRoutablePath, publicPathExists } from './route-guard'
export { getContentImageHosts, getContentRedirects } from '../content/server'
