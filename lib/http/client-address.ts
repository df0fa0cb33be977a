/**
 * Which client sent a request, as far as this server can know. Next gives
 * route handlers no socket address, and `next start` fills X-Forwarded-For
 * only when the client sent none, so the header is the client's own words
 * unless a proxy we trust rewrote it. TRUSTED_PROXIES (lib/config) says which.
 */
import { isIP, type BlockList } from 'node:net'
import type { TrustedProxies } from '../config'

/** The client key when the address cannot be known: all such clients share one budget. */
export const UNIDENTIFIED_CLIENT = 'unidentified'

function forwardedFor(headers: Headers): string[] {
  return (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
}

function isTrustedAddress(entry: string, addresses: BlockList): boolean {
  const family = isIP(entry)
  return family !== 0 && addresses.check(entry, family === 6 ? 'ipv6' : 'ipv4')
}

/** The client's address for rate limiting, or UNIDENTIFIED_CLIENT when no trusted proxy vouches for one. */
export function clientAddress(headers: Headers, trusted: TrustedProxies): string {
  if (trusted.kind === 'none') return UNIDENTIFIED_CLIENT
  const entries = forwardedFor(headers)
  if (entries.length === 0) return UNIDENTIFIED_CLIENT
  const chosen =
    trusted.kind === 'hops'
      ? entries[Math.max(entries.length - trusted.hops, 0)]
      : ([...entries].reverse().find((entry) => !isTrustedAddress(entry, trusted.addresses)) ?? entries[0])
  // A trusted proxy writes addresses; anything else in that place means the chain is not what was configured.
  return isIP(chosen) ? chosen : UNIDENTIFIED_CLIENT
}
