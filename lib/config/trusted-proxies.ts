/**
 * TRUSTED_PROXIES: which X-Forwarded-For entries a proxy in front of
 * `next start` vouches for (lib/http's clientAddress reads them):
 *   unset   no proxy: every client is one "unidentified" client;
 *   N       N proxies in front, each appending the address it saw: the Nth entry from the right;
 *   list    proxy addresses or CIDR ranges: the rightmost entry that is not one of them.
 * Either way, trust it only when next start cannot be reached except through those proxies.
 */
import { BlockList, isIP } from 'node:net'

export type TrustedProxies = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'addresses'; addresses: BlockList; entries: string[] }

/** Parses TRUSTED_PROXIES; throws an Error whose message says what is wrong (./env.ts names the variable). */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const text = value?.trim() ?? ''
  if (!text || text === '0') return { kind: 'none' }
  if (/^\d+$/.test(text)) {
    const hops = Number(text)
    if (hops > 10) throw new Error(`must be a number of proxies from 0 to 10, or a list of proxy addresses, got "${text}"`)
    return { kind: 'hops', hops }
  }
  const addresses = new BlockList()
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split('/')
    const family = isIP(address)
    const bits = prefix === undefined ? undefined : Number(prefix)
    const maxBits = family === 6 ? 128 : 32
    if (!family || extra !== undefined || (bits !== undefined && !(Number.isInteger(bits) && bits >= 0 && bits <= maxBits && /^\d+$/.test(prefix)))) {
      throw new Error(`must be a number of proxies, or a comma-separated list of IP addresses and CIDR ranges; "${entry}" is neither`)
    }
    const type = family === 6 ? 'ipv6' : 'ipv4'
    if (bits === undefined) addresses.addAddress(address, type)
    else addresses.addSubnet(address, bits, type)
  }
  return { kind: 'addresses', addresses, entries }
}
