import { readFileSync } from 'node:fs'

/** The auth secret from the file `npm start` wrote on first run (scripts/lib/provisioning.ts), or undefined. */
export function readSecretFile(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim() || undefined
  } catch {
    return undefined
  }
}
