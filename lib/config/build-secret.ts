/**
 * NEXTAUTH_SECRET as a build records it: a fingerprint, never the secret. A
 * server that would sign sessions and preview links with another secret than
 * the one its build was given stops (lib/auth/startup-checks.ts, scripts/start.ts).
 */
import { scryptSync, timingSafeEqual } from 'node:crypto'
import type { BuildSettings } from './build-settings'

/** scrypt with a fixed salt, so each evaluation of the build's config records the same value. */
export function authSecretFingerprint(secret: string): string {
  return scryptSync(secret, 'sandbank build: NEXTAUTH_SECRET', 32).toString('hex')
}

const matches = (build: BuildSettings, secret: string | undefined) =>
  secret !== undefined && timingSafeEqual(Buffer.from(authSecretFingerprint(secret), 'hex'), Buffer.from(build.authSecretFingerprint!, 'hex'))

/**
 * The sentence that stops a server whose secret is not the build's, or undefined when it is (or the build
 * was given none). `given` is the environment's NEXTAUTH_SECRET; `saved` the one in the data folder, which
 * a server uses when the environment has none.
 */
export function secretConflictWithBuild(build: BuildSettings, { given, saved }: { given?: string; saved?: string }): string | undefined {
  if (!build.authSecretFingerprint || matches(build, given ?? saved)) return undefined
  const consequence = given
    ? 'is not the one given to this build, so sessions and preview links would be signed with another secret'
    : `is not set, though one was given to this build, so sessions and preview links would be signed with ${saved ? 'the one saved in the data folder' : 'a generated one'}`
  return `NEXTAUTH_SECRET ${consequence}. Start it with the same NEXTAUTH_SECRET as the build: npm run build and npm start need the same environment.`
}
