/**
 * Old addresses kept with the content (`content/redirects/*.json`, written by
 * the WordPress importer) and how one is matched. Pure: proxy.ts, the content
 * build and the importer share one reading of an address.
 */
export { findContentRedirect, normalizeOldPath, type ContentRedirects } from './match'
