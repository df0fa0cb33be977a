/** The server-only settings: the auth secret, the GitHub client secret, where author data lives. */
import 'server-only'
import { readServerConfig, type ServerConfig } from './env'

export type { ServerConfig }

/** Read once, like `site`; scripts that adjust the environment first call readServerConfig themselves. */
export const serverConfig: ServerConfig = readServerConfig()
