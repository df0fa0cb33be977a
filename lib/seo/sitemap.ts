/**
 * The sitemap: every public page a search engine should know. Up to
 * SITEMAP_MAX_URLS addresses it is one file at /sitemap.xml; past that,
 * /sitemap.xml becomes a sitemap index naming /sitemaps/1.xml, /sitemaps/2.xml,
 * … of at most SITEMAP_MAX_URLS each, so even 50,000 posts stay well inside the
 * protocol's limits (50,000 URLs and 50 MB a file).
 */
import { XMLBuilder } from 'fast-xml-parser'
import { absoluteUrl } from '../config'
import type { Post } from '../content'
import { getArchiveYears, getAuthors, getPublishedDocuments, getPublishedPosts, getTags, pageCount } from '../content/server'
import { DOCUMENT_KINDS, documentUrl, type AnyDocumentKind, type RecordOf } from '../documents'
import { ARCHIVE, HOME, TAGS, archiveYearUrl, authorUrl, pageUrl, sitemapPartUrl, tagUrl } from '../routes'

export const SITEMAP_MAX_URLS = 10_000

/** One address; a document's entry keeps its record, so what it says of itself (a translation's language, say) can go in too. */
export type SitemapEntry = { url: string; lastModified?: Date; document?: RecordOf<AnyDocumentKind> }

/** When a document last changed: its `updated`, else its date (undated kinds without `updated` have none). */
function modified(document: { updated?: string; date?: string }): Date | undefined {
  const when = document.updated ?? document.date
  return when ? new Date(when) : undefined
}

/** Built once per set of published documents: the route guard asks how many parts there are on every request for one. */
let built: { lists: readonly (readonly RecordOf<AnyDocumentKind>[])[]; entries: SitemapEntry[] } | undefined

export function sitemapEntries(now: Date = new Date()): SitemapEntry[] {
  const kinds = DOCUMENT_KINDS.filter((kind) => kind.sitemap)
  const lists = kinds.map((kind) => getPublishedDocuments(kind, now))
  if (built && built.lists.length === lists.length && lists.every((list, i) => list === built!.lists[i])) return built.entries
  const posts: readonly Post[] = getPublishedPosts(now)
  const newest = posts[0] ? modified(posts[0]) : undefined
  const entries: SitemapEntry[] = [
    { url: absoluteUrl(HOME), lastModified: newest },
    ...Array.from({ length: pageCount(posts.length) - 1 }, (_, i) => ({ url: absoluteUrl(pageUrl(i + 2)) })),
    ...kinds.flatMap((kind, i) =>
      lists[i].map((document) => ({ url: absoluteUrl(documentUrl(kind, 'page', document)), lastModified: modified(document), document })),
    ),
    { url: absoluteUrl(TAGS) },
    ...getTags(now).map((tag) => ({ url: absoluteUrl(tagUrl(tag.slug)) })),
    { url: absoluteUrl(ARCHIVE), lastModified: newest },
    ...getArchiveYears(now).map((year) => ({ url: absoluteUrl(archiveYearUrl(year.year)) })),
    ...getAuthors().map((author) => ({ url: absoluteUrl(authorUrl(author.id)) })),
  ]
  built = { lists, entries }
  return entries
}

/** How many files the sitemap is split into: 0 when /sitemap.xml holds every address itself. */
export function sitemapPartCount(entries: readonly SitemapEntry[], max: number = SITEMAP_MAX_URLS): number {
  return entries.length <= max ? 0 : Math.ceil(entries.length / max)
}

/** Reads the file name of a part, `N.xml`; only canonical numbers count. */
export function parseSitemapPart(file: string): number | undefined {
  const match = /^([1-9]\d{0,4})\.xml$/.exec(file)
  return match ? Number(match[1]) : undefined
}

const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true })
const XML_DECLARATION = { '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' } }
const NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9'

function urlset(entries: readonly SitemapEntry[]): string {
  const url = entries.map((entry) => ({ loc: entry.url, lastmod: entry.lastModified?.toISOString() }))
  return builder.build({ ...XML_DECLARATION, urlset: { '@_xmlns': NAMESPACE, url } })
}

function sitemapIndex(parts: readonly SitemapEntry[][]): string {
  const sitemap = parts.map((part, i) => {
    const newest = part.reduce<Date | undefined>(
      (latest, entry) => (entry.lastModified && (!latest || entry.lastModified > latest) ? entry.lastModified : latest),
      undefined,
    )
    return { loc: absoluteUrl(sitemapPartUrl(i + 1)), lastmod: newest?.toISOString() }
  })
  return builder.build({ ...XML_DECLARATION, sitemapindex: { '@_xmlns': NAMESPACE, sitemap } })
}

/**
 * The XML for /sitemap.xml (`part` undefined) or /sitemaps/<part>.xml, or
 * undefined when that part does not exist.
 */
export function sitemapXml(entries: readonly SitemapEntry[], part?: number, max: number = SITEMAP_MAX_URLS): string | undefined {
  const parts = sitemapPartCount(entries, max)
  if (part === undefined) {
    if (parts === 0) return urlset(entries)
    return sitemapIndex(Array.from({ length: parts }, (_, i) => entries.slice(i * max, (i + 1) * max)))
  }
  if (part < 1 || part > parts) return undefined
  return urlset(entries.slice((part - 1) * max, part * max))
}

export function sitemapResponse(part?: number, now: Date = new Date()): Response | undefined {
  const xml = sitemapXml(sitemapEntries(now), part)
  return xml === undefined ? undefined : new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } })
}
