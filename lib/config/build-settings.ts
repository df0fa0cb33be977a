/**
 * What a build bakes into its pages, and what a server started on it must
 * agree with. `next build` records the settings (next.config.ts puts them in
 * the build's `env`, so Next keeps them in required-server-files.json and
 * inlines them where server code reads `process.env.SANDBANK_BUILD_SETTINGS`).
 * A server started on the build then:
 *   - takes the build's value of a setting it is not given (./site.ts), so a
 *     page it renders says what the prerendered ones say;
 *   - stops, naming the variable, when it is given a different one (checked
 *     by `npm start` and by every server process as it starts).
 * A local SITE_URL on a local build is no contradiction: both reach only this
 * machine (`PORT=4000 npm start` on the quick start's build).
 * No secret is in here: NEXTAUTH_SECRET is recorded as a fingerprint (./build-secret.ts).
 */
import { parseSiteUrl } from './env'

/** Site settings the pages carry, besides SITE_URL. */
const BAKED_VARIABLES = ['SITE_NAME', 'SITE_DESCRIPTION', 'SITE_DEFAULT_AUTHOR', 'SITE_CONTACT_EMAIL', 'IMAGE_REMOTE_HOSTS'] as const

export type BuildSettings = {
  /** The SITE_URL the build was made for (http://localhost:3000 when it was given none). */
  siteUrl: string
  /** The values the build was given, trimmed; one it was not given took its default. */
  values: Partial<Record<(typeof BAKED_VARIABLES)[number], string>>
  /** Present when the build was given a NEXTAUTH_SECRET (./build-secret.ts). */
  authSecretFingerprint?: string
}

type Environment = Record<string, string | undefined>

const given = (env: Environment, name: string) => env[name]?.trim() || undefined

/** A host only this machine reaches: localhost (and its subdomains), 127.0.0.0/8 or ::1. */
export function isLoopbackHost(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, '').toLowerCase()
  return name === 'localhost' || name.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(name) || name === '::1'
}

export const isLoopbackUrl = (url: string) => isLoopbackHost(new URL(url).hostname)

/** The site settings of a build (next.config.ts adds the secret's fingerprint). */
export function siteSettingsOf(env: Environment): BuildSettings {
  return {
    siteUrl: parseSiteUrl(env.SITE_URL),
    values: Object.fromEntries(BAKED_VARIABLES.flatMap((name) => (given(env, name) ? [[name, given(env, name)!]] : []))),
  }
}

/** The record as next.config.ts stores it (JSON in the build's env); undefined for a build that holds none. */
export function parseBuildSettings(json: string | undefined): BuildSettings | undefined {
  return json ? (JSON.parse(json) as BuildSettings) : undefined
}

/** `env` with the build's values where it has none. A local build's SITE_URL is left to the caller's default. */
export function withBuildSettings<E extends Environment>(env: E, build: BuildSettings | undefined): E {
  if (!build) return env
  const filled: Environment = { ...env }
  for (const [name, value] of Object.entries(build.values)) if (!given(env, name)) filled[name] = value
  if (!given(env, 'SITE_URL') && !isLoopbackUrl(build.siteUrl)) filled.SITE_URL = build.siteUrl
  return filled as E
}

/** Each site setting `env` gives that contradicts the build, as a sentence naming the variable and the way out. */
export function siteConflictsWithBuild(build: BuildSettings, env: Environment): string[] {
  const conflicts: string[] = []
  const siteUrl = given(env, 'SITE_URL')
  if (siteUrl) {
    const url = parseSiteUrl(siteUrl)
    if (url !== build.siteUrl && !(isLoopbackUrl(url) && isLoopbackUrl(build.siteUrl)))
      conflicts.push(
        `SITE_URL is ${url}, but this build was made for ${build.siteUrl}: its pages, feeds, cards and canonical links point there. ` +
          `Start it with SITE_URL=${build.siteUrl}, or build again with ${url} (npm run build).`,
      )
  }
  for (const name of BAKED_VARIABLES) {
    const value = given(env, name)
    const built = build.values[name]
    if (value === undefined || value === built) continue
    conflicts.push(
      `${name} is "${value}", but this build was made with ${built === undefined ? 'none (the default)' : `"${built}"`}, which its pages show. ` +
        `Start it with ${built === undefined ? `${name} unset` : 'the same value'}, or build again with this one (npm run build).`,
    )
  }
  return conflicts
}

/**
 * The warning `npm run build` and `npm start` print when the site's address is
 * this machine's: nobody else can follow the links baked into its pages. Undefined
 * when SITE_URL is a public address, or when `npm start` listens on loopback only
 * (the embedded default, for trying the blog on this machine).
 */
export function localSiteUrlWarning(siteUrl: string, { siteUrlSet, listeningOn }: { siteUrlSet: boolean; listeningOn?: string }): string | undefined {
  if (!isLoopbackUrl(siteUrl) || (listeningOn !== undefined && isLoopbackHost(listeningOn))) return undefined
  const rule = '='.repeat(78)
  const situation = listeningOn
    ? `This server listens on ${listeningOn}, so others can reach it, but its SITE_URL is ${siteUrl}${siteUrlSet ? '' : ' (SITE_URL is not set)'}.`
    : siteUrlSet
      ? `SITE_URL is ${siteUrl}, an address only this machine reaches, and this build bakes it in.`
      : `SITE_URL is not set, so this build is made for ${siteUrl} and bakes that address in.`
  return [
    rule,
    `WARNING (SITE_URL): ${situation}`,
    `Open Graph cards, feeds, the sitemap and canonical links point at ${siteUrl},`,
    'which no reader or social platform can follow, and sign-in cookies are not Secure.',
    'For a site others read, set SITE_URL to its public address and build with it:',
    '  SITE_URL=https://blog.example.org npm run build    (then start it with the same SITE_URL)',
    ...(listeningOn ? [`To keep this server to this machine instead: BIND_ADDRESS=127.0.0.1 npm start`] : []),
    rule,
  ].join('\n')
}
