/**
 * A "device cookie": proof that this browser once signed in to this account.
 * Attempts that carry it are counted on their own, so when an attacker locks
 * an author's email (or, with no trusted proxy, the one budget every client
 * shares), the author can still sign in from a browser they used before.
 * The value is `<id>.<HMAC(email, id)>`: useless for any other email, and
 * impossible to make without the auth secret.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { API } from '../routes'

export const DEVICE_COOKIE = 'sandbank-device'
const MAX_AGE_SECONDS = 180 * 24 * 60 * 60

function sign(email: string, id: string, secret: string): string {
  return createHmac('sha256', `device-cookie:${secret}`).update(`${email}\n${id}`).digest('base64url')
}

export function createDeviceToken(email: string, secret: string): string {
  const id = randomBytes(16).toString('base64url')
  return `${id}.${sign(email, id, secret)}`
}

/** The device's id when the token was issued for this email by this server, else undefined. */
export function deviceIdFor(token: string | undefined, email: string, secret: string | undefined): string | undefined {
  if (!token || !secret || token.length > 200) return undefined
  const [id, signature, extra] = token.split('.')
  if (!id || !signature || extra !== undefined) return undefined
  const expected = Buffer.from(sign(email, id, secret))
  const given = Buffer.from(signature)
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : undefined
}

export function deviceCookieHeader(token: string, secure: boolean): string {
  // Sent only with sign-in posts; SameSite=Strict because it is never needed on a cross-site request.
  return `${DEVICE_COOKIE}=${token}; Path=${API.auth.callbacks}; Max-Age=${MAX_AGE_SECONDS}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`
}
