/**
 * Failed sign-ins per key (an email, an IP) in a sliding window, in memory.
 * One server process is the deployment this blog targets; several would each count alone.
 */
export type RateLimiter = {
  isLimited: (key: string, now?: number) => boolean
  recordFailure: (key: string, now?: number) => void
  reset: (key: string) => void
}

export function createRateLimiter({ limit, windowMs, maxKeys = 10_000 }: { limit: number; windowMs: number; maxKeys?: number }): RateLimiter {
  const failures = new Map<string, number[]>()

  function recent(key: string, now: number): number[] {
    const times = (failures.get(key) ?? []).filter((time) => now - time < windowMs)
    if (times.length) failures.set(key, times)
    else failures.delete(key)
    return times
  }

  return {
    isLimited: (key, now = Date.now()) => recent(key, now).length >= limit,
    recordFailure: (key, now = Date.now()) => {
      // Bounded memory: forget the oldest key when a flood of new ones arrives.
      if (!failures.has(key) && failures.size >= maxKeys) failures.delete(failures.keys().next().value!)
      failures.set(key, [...recent(key, now), now])
    },
    reset: (key) => void failures.delete(key),
  }
}

export const SIGN_IN_LIMIT = { limit: 5, windowMs: 15 * 60 * 1000 }
