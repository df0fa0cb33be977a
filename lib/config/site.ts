/** The public settings: safe for any module, page or island to import. */
import { dictionaryFor, type Dictionary } from '../i18n'
import { parseBuildSettings, withBuildSettings } from './build-settings'
import { readSiteConfig, type SiteConfig } from './env'

/**
 * In a server, settings the environment leaves out come from the build, whose
 * pages already carry them (./build-settings.ts): Next inlines the build's
 * record here. Elsewhere (scripts, tests) the variable is unset and only the environment counts.
 */
export const site: SiteConfig = readSiteConfig(withBuildSettings(process.env, parseBuildSettings(process.env.SANDBANK_BUILD_SETTINGS)))

/** The interface's words, in SITE_LANGUAGE (English where it has no dictionary): the frame, listings, search, sign-in. */
export const siteWords: Dictionary = dictionaryFor(site.language)

/** Served over https: cookies are Secure (next-auth's get __Secure-/__Host- names) and HSTS is sent. */
export const servedOverHttps = site.url.startsWith('https:')

/** An absolute URL on this site, for feeds, canonical links and Open Graph. */
export function absoluteUrl(path: string): string {
  return new URL(path, site.url + '/').toString()
}

/**
 * Seconds between regenerations of listings, feeds, cards and the sitemap, so
 * scheduled posts appear. Next reads `export const revalidate` only as a
 * literal, so each route repeats the number; a unit test holds them to this one.
 */
export const REVALIDATE_SECONDS = 300
