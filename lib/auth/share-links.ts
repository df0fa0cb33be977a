/**
 * Preview links for one draft, for reviewers without an account:
 * `<slug>.<expiry>.<HMAC-SHA256(slug.expiry)>`, signed with the auth secret.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export type ShareCheck = 'valid' | 'expired' | 'invalid'

function sign(payload: string, secret: string): string {
  return createHmac('sha256', `share-link:${secret}`).update(payload).digest('base64url')
}

export function createShareToken(slug: string, expiresAt: Date, secret: string): string {
  const payload = `${slug}.${Math.floor(expiresAt.getTime() / 1000)}`
  return `${payload}.${sign(payload, secret)}`
}

export function checkShareToken(token: string, slug: string, secret: string, now: Date = new Date()): ShareCheck {
  const parts = token.split('.')
  if (parts.length !== 3 || token.length > 512) return 'invalid'
  const [tokenSlug, expiry, signature] = parts
  const expected = Buffer.from(sign(`${tokenSlug}.${expiry}`, secret))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !timingSafeEqual(given, expected) || tokenSlug !== slug) return 'invalid'
  if (!/^\d+$/.test(expiry) || Number(expiry) * 1000 <= now.getTime()) return 'expired'
  return 'valid'
}

export function shareExpiry(days: number, now: Date = new Date()): Date {
  return new Date(now.getTime() + days * 24 * 60 * 60 * 1000)
}
