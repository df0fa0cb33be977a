/**
 * The route guard proxy.ts runs before the dynamic routes (it reads the published posts, so it is
 * server-only), and the answers to requests Next must not see (TRACE, what Node's parser refuses), which instrumentation.ts installs.
 */
import 'server-only'

export { refuseRequestsBeforeNext } from './methods'
export { isRoutablePath, publicPathExists } from './route-guard'
