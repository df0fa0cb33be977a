import { createHash } from 'node:crypto'

/** A short, stable hash of some values, for URLs that must change when what they show changes. */
export function fingerprint(values: unknown): string {
  return createHash('sha256').update(JSON.stringify(values)).digest('base64url').slice(0, 10)
}
