/**
 * The old site's addresses, mapped to where the same thing lives now: each
 * item's permalink whatever its structure, `?p=`, `?page_id=` and
 * `?attachment_id=`, attachment pages, categories (under their parents, and
 * `?cat=`), tags, authors and feeds.
 * Written to `content/redirects/wordpress.json`; the site answers each with
 * one permanent redirect (lib/redirects), and the content
 * build refuses loops and redirects to nothing.
 */
import { normalizeOldPath } from '../redirects'
import { slugify } from '../markdown'
import { authorUrl, FEEDS, HOME, tagUrl } from '../routes'
import { authorNicename } from './authors'
import type { ConvertedItem, ExportLookup } from './convert'
import { termTagSlug, topicTerms } from './convert'
import { decodeSlug } from './slugs'
import type { WxrCategory, WxrItem, WxrSite } from './wxr'

/** One old address (a path, with one `?name=value` when WordPress used a query) and where it goes. */
export type RedirectEntry = { from: string; to: string }

/** An old address the import found no home for, and why. */
export type Homeless = { link: string; title: string; reason: string }

export type RedirectPlan = { redirects: RedirectEntry[]; homeless: Homeless[] }

/** The file the importer writes and the content build reads. */
export type RedirectsFile = { redirects: RedirectEntry[] }

/** An old link's address on the old site, as a `from`: its path, and its query when it is `?p=`-style. */
function fromOf(link: string): string | undefined {
  let url: URL
  try {
    url = new URL(link)
  } catch {
    return undefined
  }
  const path = normalizeOldPath(url.pathname)
  const [param] = [...url.searchParams]
  return param ? `${path}?${param[0]}=${param[1]}` : path
}

/** The blog's own folder (`/` or `/blog/`): its ?p= links, archives and feeds live below it. */
function basePath(site: WxrSite): string {
  try {
    return normalizeOldPath(new URL(site.blogUrl).pathname.replace(/\/?$/, '/'))
  } catch {
    return '/'
  }
}

/** Polylang's `/xx/` prefixes: the language slugs that start item links. */
function languagePrefixes(items: readonly WxrItem[], base: string): string[] {
  const prefixes = new Set<string>()
  for (const item of items) {
    const language = item.terms.find((term) => term.domain === 'language')?.nicename
    const from = language ? fromOf(item.link) : undefined
    if (language && from?.startsWith(`${base}${language}/`)) prefixes.add(`${base}${language}/`)
  }
  return [...prefixes]
}

/** A category slug as item terms and the channel write it: percent-encoding decoded, Unicode composed. */
function categorySlug(nicename: string): string | undefined {
  return decodeSlug(nicename)?.normalize('NFC')
}

/**
 * Where WordPress listed a category: `/category/<slug>/`, and for a child
 * category also under its parents (`/category/services/bins/recycling/`),
 * which is the address WordPress itself linked to. Its `?cat=` id when the
 * channel lists it.
 */
function categoryAddresses(slug: string, categories: ReadonlyMap<string, WxrCategory>): { paths: string[]; id?: string } {
  const chain = [slug]
  for (let parent = categories.get(slug)?.parent; parent; parent = categories.get(parent)?.parent) {
    const parentSlug = categorySlug(parent)
    if (!parentSlug || chain.includes(parentSlug)) break
    chain.unshift(parentSlug)
  }
  const paths = chain.length > 1 ? [slug, chain.join('/')] : [slug]
  return { paths, id: categories.get(slug)?.id || undefined }
}

function isPublic(item: ConvertedItem): boolean {
  return item.state === 'published' && item.url !== undefined
}

/**
 * Where every old address now lives. `converted` holds the items as planned
 * (after slug clashes are resolved); `authorIds` maps logins to author ids.
 */
export function planRedirects(
  site: WxrSite,
  items: readonly WxrItem[],
  converted: readonly ConvertedItem[],
  lookup: ExportLookup,
  authorIds: ReadonlyMap<string, string>,
  skipped: readonly { id: string; reason: string }[],
  /** The channel's categories (`<wp:category>`): their parents and `?cat=` ids. */
  categoryList: readonly WxrCategory[] = [],
): RedirectPlan {
  const redirects = new Map<string, string>()
  const homeless: Homeless[] = []
  const add = (from: string | undefined, to: string) => {
    if (!from || redirects.has(from)) return
    // An address that already is the new one (or is only its trailing slash) needs no entry.
    if (from.replace(/\/+$/, '') === to || from === to) return
    redirects.set(from, to)
  }
  const base = basePath(site)
  const prefixes = [base, ...languagePrefixes(items, base)]
  const byId = new Map(converted.map((item) => [item.id, item]))
  const itemsById = new Map(items.map((item) => [item.id, item]))
  const categories = new Map(
    categoryList.flatMap((category) => {
      const slug = categorySlug(category.nicename)
      return slug ? [[slug, category] as const] : []
    }),
  )

  if (base !== '/') add(base, HOME)
  for (const prefix of prefixes) {
    for (const feed of ['feed/', 'feed/rss2/', 'feed/rss/', 'feed/rdf/', 'comments/feed/', 'rss/']) add(`${prefix}${feed}`, FEEDS.rss)
    add(`${prefix}feed/atom/`, FEEDS.atom)
  }
  add(`${base}?feed=rss2`, FEEDS.rss)
  add(`${base}?feed=atom`, FEEDS.atom)

  for (const item of items) {
    const planned = byId.get(item.id)
    if (planned) {
      if (!isPublic(planned)) {
        // Published in WordPress, but private or behind a password: imported as a draft, so its old address has no public home.
        if (item.status === 'publish' && planned.state === 'draft')
          homeless.push({ link: item.link, title: item.title, reason: 'imported as a draft (it was password-protected)' })
        continue
      }
      add(fromOf(item.link), planned.url!)
      add(`${base}?${planned.kind === 'page' ? 'page_id' : 'p'}=${item.id}`, planned.url!)
      if (planned.kind === 'page') add(`${base}?p=${item.id}`, planned.url!)
      continue
    }
    if (item.status !== 'publish' && item.postType !== 'attachment') continue
    if (item.postType === 'attachment') {
      const home = attachmentHome(item, converted, itemsById)
      if (home) {
        add(fromOf(item.link), home)
        add(`${base}?attachment_id=${item.id}`, home)
      } else {
        homeless.push({ link: item.link, title: item.title, reason: 'an attachment page whose file no imported post shows' })
      }
      continue
    }
    if (item.postType === 'post' || item.postType === 'page') {
      const reason = skipped.find((entry) => entry.id === item.id)?.reason ?? 'not imported'
      homeless.push({ link: item.link, title: item.title, reason })
    }
  }

  // Categories, tags and authors of the published posts: each has a listing here.
  for (const item of items) {
    const planned = byId.get(item.id)
    if (!planned || planned.kind !== 'post' || !isPublic(planned)) continue
    for (const term of topicTerms(item)) {
      const segment = term.domain === 'category' ? 'category' : term.domain === 'post_tag' || term.domain === 'tag' ? 'tag' : undefined
      const nicename = decodeSlug(term.nicename)?.normalize('NFC')
      if (!segment || !nicename) continue
      // The site's address for the tag: its slug as the site makes one from the tag written in the post.
      const to = tagUrl(slugify(termTagSlug(term, lookup)))
      const { paths, id } = segment === 'category' ? categoryAddresses(nicename, categories) : { paths: [nicename], id: undefined }
      for (const prefix of prefixes) {
        for (const path of paths) {
          add(`${prefix}${segment}/${path}/`, to)
          add(`${prefix}${segment}/${path}/feed/`, FEEDS.rss)
        }
      }
      if (id) add(`${base}?cat=${id}`, to)
    }
    const author = authorIds.get(item.creator)
    const nicename = item.creator ? authorNicename(item.creator) : ''
    if (author && nicename) for (const prefix of prefixes) add(`${prefix}author/${nicename}/`, authorUrl(author))
  }

  return { redirects: [...redirects].map(([from, to]) => ({ from, to })), homeless }
}

/** An attachment page's home: the published post it belongs to, else one that shows its file. */
function attachmentHome(attachment: WxrItem, converted: readonly ConvertedItem[], items: ReadonlyMap<string, WxrItem>): string | undefined {
  const parent = converted.find((item) => item.id === attachment.parent && isPublic(item))
  if (parent) return parent.url
  const file = (attachment.attachmentUrl || '').replace(/\.[^./]+$/, '')
  if (!file) return undefined
  const stem = file.slice(file.lastIndexOf('/') + 1)
  if (!stem) return undefined
  return converted.find((item) => isPublic(item) && items.get(item.id)?.content.includes(stem))?.url
}
