/**
 * The route guard proxy.ts runs before the dynamic routes (it reads the published posts, so it is
 * server-only), and the refusal of methods Next cannot route, which instrumentation.ts installs.
 */
import 'server-only'

export { refuseMethodsNextCannotRoute } from './methods'
export { isRoutablePath, publicPathExists } from './route-guard'
