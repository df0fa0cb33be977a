import { readFileSync } from 'node:fs'
import type { ServerConfig } from '../config'

/** The auth secret from the file `npm start` wrote on first run (scripts/lib/provisioning.ts), or undefined. */
export function readSecretFile(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim() || undefined
  } catch {
    return undefined
  }
}

/** The secret next-auth, preview links, device cookies and CSRF tokens are signed with: the environment's, else the saved file's. */
export function authSecret(config: Pick<ServerConfig, 'authSecret' | 'secretFile'>): string | undefined {
  return config.authSecret ?? readSecretFile(config.secretFile)
}
