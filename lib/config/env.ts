/**
 * The configuration as read from an environment and validated, naming the
 * variable at fault. README.md lists every variable. The values themselves are
 * read once: public settings in ./site.ts, server-only ones in ./server.ts.
 * These readers hold no values, so next.config.ts and scripts validate with them.
 */
import { canonicalLanguageTag } from '../i18n'
import { parseTrustedProxies, type TrustedProxies } from './trusted-proxies'

export type SiteConfig = {
  name: string
  description: string
  url: string
  /** Open Graph's `og:locale` for the site's language: `en_GB`, `cy_GB`, `fa_IR`. */
  locale: string
  /** SITE_LANGUAGE: the BCP 47 tag of the interface, and of every document that names no `lang` of its own. */
  language: string
  defaultAuthorId: string
  postsPerPage: number
  /** Where readers report problems (the accessibility statement shows it); unset until the site's owner sets one. */
  contactEmail?: string
  /** Posts in each feed, newest first, with their full content. */
  feedPosts: number
  /** Posts on one page of a year in the archive: titles and dates only, so more than a listing. */
  archivePerPage: number
  /**
   * How many of the newest posts (and their cards) `next build` renders ahead
   * (PRERENDER_POSTS). Older posts render on their first request and are
   * cached from then on, so build time grows with this number rather than
   * with the archive.
   */
  prerenderPosts: number
  /** Hosts whose images posts may show (over https); the CSP's img-src allows exactly these. */
  imageRemoteHosts: string[]
  /** Readers' comments (SITE_COMMENTS=off turns them off everywhere: none shown, none taken). */
  comments: boolean
}

export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`Configuration error: ${variable} ${problem}`)
    this.name = 'ConfigError'
  }
}

export function parseSiteUrl(value: string | undefined): string {
  const raw = value?.trim() || 'http://localhost:3000'
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError('SITE_URL', `must be an absolute http(s) URL, got "${raw}"`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError('SITE_URL', `must use http or https, got "${url.protocol}"`)
  }
  return url.origin + url.pathname.replace(/\/+$/, '')
}

/** SITE_LANGUAGE, canonicalised (`EN-gb` → `en-GB`); British English when unset. */
export function parseSiteLanguage(value: string | undefined): string {
  const raw = value?.trim() || 'en-GB'
  try {
    return canonicalLanguageTag(raw)
  } catch {
    throw new ConfigError('SITE_LANGUAGE', `must be a BCP 47 language tag such as en-GB, cy or fa, got "${raw}"`)
  }
}

/** `og:locale` is language_TERRITORY: the region the tag names, or the language's likeliest (cy → cy_GB). */
export function openGraphLocale(language: string): string {
  const likely = new Intl.Locale(language).maximize()
  return likely.region ? `${likely.language}_${likely.region}` : likely.language
}

export function parseContactEmail(value: string | undefined): string | undefined {
  const email = value?.trim()
  if (!email) return undefined
  if (!/^[^\s@<>"(),;:]+@[^\s@<>"(),;:]+\.[^\s@<>"(),;:]+$/.test(email)) {
    throw new ConfigError('SITE_CONTACT_EMAIL', `must be an email address, got "${email}"`)
  }
  return email
}

function parseCount(variable: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback
  if (!/^\d{1,6}$/.test(raw.trim())) throw new ConfigError(variable, `must be a whole number from 0 to 999999, got "${raw}"`)
  return Number(raw.trim())
}

function parseFlag(variable: string, raw: string | undefined): boolean {
  const value = raw?.trim().toLowerCase() ?? ''
  if (value === '' || value === '0' || value === 'false') return false
  if (value === '1' || value === 'true') return true
  throw new ConfigError(variable, `must be 1 or 0 (true or false), got "${raw}"`)
}

function parseOnOff(variable: string, raw: string | undefined, fallback: boolean): boolean {
  const value = raw?.trim().toLowerCase() ?? ''
  if (value === '') return fallback
  if (value === 'on') return true
  if (value === 'off') return false
  throw new ConfigError(variable, `must be on or off, got "${raw}"`)
}

/**
 * IMAGE_REMOTE_HOSTS: host names separated by commas or spaces, each optionally
 * `*.`-prefixed for its subdomains. Only names: a scheme, port or path is refused,
 * since the list goes straight into the Content-Security-Policy.
 */
export function parseImageRemoteHosts(value: string | undefined): string[] {
  const hosts = (value ?? '').split(/[\s,]+/).filter(Boolean)
  for (const host of hosts) {
    const name = host.startsWith('*.') ? host.slice(2) : host
    let parsed: URL | undefined
    try {
      parsed = new URL(`https://${name}`)
    } catch {
      parsed = undefined
    }
    if (!parsed || parsed.hostname !== name.toLowerCase() || parsed.port || !name.includes('.')) {
      throw new ConfigError('IMAGE_REMOTE_HOSTS', `must list host names such as "images.example.org" or "*.example.org", got "${host}"`)
    }
  }
  return [...new Set(hosts.map((host) => host.toLowerCase()))]
}

export function readSiteConfig(env: Record<string, string | undefined> = process.env): SiteConfig {
  return {
    name: env.SITE_NAME?.trim() || 'Sandbank',
    description: env.SITE_DESCRIPTION?.trim() || 'Notes on digital leadership, open data and collaboration in local government.',
    url: parseSiteUrl(env.SITE_URL),
    locale: openGraphLocale(parseSiteLanguage(env.SITE_LANGUAGE)),
    language: parseSiteLanguage(env.SITE_LANGUAGE),
    defaultAuthorId: env.SITE_DEFAULT_AUTHOR?.trim() || 'digital-communications-manager',
    postsPerPage: 10,
    contactEmail: parseContactEmail(env.SITE_CONTACT_EMAIL),
    feedPosts: 20,
    archivePerPage: 100,
    prerenderPosts: parseCount('PRERENDER_POSTS', env.PRERENDER_POSTS, 300),
    imageRemoteHosts: parseImageRemoteHosts(env.IMAGE_REMOTE_HOSTS),
    comments: parseOnOff('SITE_COMMENTS', env.SITE_COMMENTS, true),
  }
}

/** Server-only settings: where author data lives and which sign-in providers are on. */
export type ServerConfig = {
  dataDir: string
  authorsFile: string
  secretFile: string
  /** From the environment; when absent the secret file under dataDir is used (see scripts/lib/provisioning.ts). */
  authSecret?: string
  github?: { clientId: string; clientSecret: string }
  shareLinkDays: number
  /** Which X-Forwarded-For entries a proxy vouches for (./trusted-proxies.ts); none by default. */
  trustedProxies: TrustedProxies
  /** State that several server processes share (the Next.js page cache); unset means each process keeps its own. */
  redisUrl?: string
  /** Whether `next build` writes source maps for the server code (SERVER_SOURCE_MAPS); off, they are most of the build's size. */
  serverSourceMaps: boolean
  /** Readers' comments without REDIS_URL: one file per post in this folder. */
  commentsDir: string
  /** Where notices of new comments go out (SMTP_URL, smtp:// or smtps://); unset, no email is sent. */
  smtpUrl?: string
  /** The From address of those notices (SMTP_FROM). */
  mailFrom: string
  /**
   * nginx's page-cache refresh listener (PAGE_CACHE_REFRESH_URL, deploy/nginx/sandbank.conf): a post whose
   * comments changed is asked for there, so the cached copy is replaced at once. Unset without nginx.
   */
  pageCacheRefreshUrl?: string
}

/** An optional URL setting with one of `protocols`; an unparseable value is echoed without any credentials in it. */
function parseUrlVariable(variable: string, value: string | undefined, protocols: string[]): URL | undefined {
  const raw = value?.trim()
  if (!raw) return undefined
  const names = protocols.map((protocol) => `${protocol}//`).join(' or ')
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError(variable, `must be a ${names} URL, got "${raw.replace(/\/\/[^@/]*@/, '//…@')}"`)
  }
  if (!protocols.includes(url.protocol)) throw new ConfigError(variable, `must use ${names}, got "${url.protocol}"`)
  return url
}

export function parseRedisUrl(value: string | undefined): string | undefined {
  return parseUrlVariable('REDIS_URL', value, ['redis:', 'rediss:']) && value?.trim()
}

export function parseSmtpUrl(value: string | undefined): string | undefined {
  return parseUrlVariable('SMTP_URL', value, ['smtp:', 'smtps:']) && value?.trim()
}

export function readServerConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const dataDir = env.DATA_DIR?.trim() || '.data'
  const githubId = env.GITHUB_ID?.trim()
  const githubSecret = env.GITHUB_SECRET?.trim()
  if (Boolean(githubId) !== Boolean(githubSecret)) {
    throw new ConfigError(githubId ? 'GITHUB_SECRET' : 'GITHUB_ID', 'must be set together with the other to enable GitHub sign-in')
  }
  const authSecret = env.NEXTAUTH_SECRET?.trim() || undefined
  if (authSecret && authSecret.length < 32) {
    throw new ConfigError('NEXTAUTH_SECRET', 'must be at least 32 characters (try: openssl rand -base64 32)')
  }
  const shareLinkDays = Number(env.SHARE_LINK_DAYS ?? 7)
  if (!Number.isFinite(shareLinkDays) || shareLinkDays <= 0 || shareLinkDays > 90) {
    throw new ConfigError('SHARE_LINK_DAYS', `must be a number of days from 1 to 90, got "${env.SHARE_LINK_DAYS}"`)
  }
  let trustedProxies: TrustedProxies
  try {
    trustedProxies = parseTrustedProxies(env.TRUSTED_PROXIES)
  } catch (error) {
    throw new ConfigError('TRUSTED_PROXIES', (error as Error).message)
  }
  return {
    dataDir,
    authorsFile: env.AUTHORS_FILE?.trim() || `${dataDir}/authors.json`,
    secretFile: `${dataDir}/nextauth-secret`,
    authSecret,
    github: githubId && githubSecret ? { clientId: githubId, clientSecret: githubSecret } : undefined,
    shareLinkDays,
    redisUrl: parseRedisUrl(env.REDIS_URL),
    trustedProxies,
    serverSourceMaps: parseFlag('SERVER_SOURCE_MAPS', env.SERVER_SOURCE_MAPS),
    commentsDir: `${dataDir}/comments`,
    smtpUrl: parseSmtpUrl(env.SMTP_URL),
    mailFrom: parseMailFrom(env.SMTP_FROM, parseSiteUrl(env.SITE_URL)),
    pageCacheRefreshUrl: parseRefreshUrl(env.PAGE_CACHE_REFRESH_URL),
  }
}

function parseRefreshUrl(value: string | undefined): string | undefined {
  const url = parseUrlVariable('PAGE_CACHE_REFRESH_URL', value, ['http:'])
  if (url && (url.pathname !== '/' || url.search)) {
    throw new ConfigError('PAGE_CACHE_REFRESH_URL', `must be http://host:port (nginx's refresh listener), got "${value?.trim()}"`)
  }
  return url?.origin
}

/** SMTP_FROM, or "<site name> <comments@<site host>>". */
function parseMailFrom(value: string | undefined, siteUrl: string): string {
  const raw = value?.trim()
  if (!raw) return `comments@${new URL(siteUrl).hostname}`
  const address = raw.match(/<([^>]+)>\s*$/)?.[1] ?? raw
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(address))
    throw new ConfigError('SMTP_FROM', `must be an email address, optionally with a name ("Blog <blog@example.org>"), got "${raw}"`)
  return raw
}
