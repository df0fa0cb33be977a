/** Configuration: the public site settings, and the readers that validate the environment. Secrets are in ./server.ts. */
export { authSecretFingerprint, secretConflictWithBuild } from './build-secret'
export {
  isLoopbackHost,
  isLoopbackUrl,
  localSiteUrlWarning,
  parseBuildSettings,
  siteConflictsWithBuild,
  siteSettingsOf,
  withBuildSettings,
  type BuildSettings,
} from './build-settings'
export { ConfigError, parseImageRemoteHosts, parseSiteUrl, readServerConfig, readSiteConfig, type ServerConfig, type SiteConfig } from './env'
export { REVALIDATE_SECONDS, absoluteUrl, servedOverHttps, site, siteWords } from './site'
export { parseTrustedProxies, type TrustedProxies } from './trusted-proxies'
