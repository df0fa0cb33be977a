/**
 * The importer's image step (scripts/import-wordpress.ts): the export is
 * converted once to learn every image address, each picture is fetched from a
 * copy of wp-content/uploads and/or the old site, and the export is converted
 * again through the converter's media seam (`ImportOptions.media`) with the
 * fetched pictures as `./file`. Each post that shows one becomes a bundle with
 * its pictures beside it, written all or nothing.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { findImageReferences } from '../images/build'
import { keepRemoteMedia, type MediaResolver } from './context'
import type { ConvertedItem, ImportOptions } from './convert'
import { planExport, type ExportPlan } from './plan'
import { downloadSource } from './download'
import {
  bundleFileName,
  isImage,
  isOldSiteImage,
  originalUrl,
  uploadsFolderSource,
  uploadsPath,
  type MediaHosts,
  type MediaSource,
} from './fetch-images'
import type { WxrExport, WxrItem } from './wxr'

export type MediaOptions = {
  mediaDir?: string
  download?: boolean
  extraHosts: string[]
  maxBytes?: number
  timeoutMs?: number
}

/** A converted item and the pictures its bundle holds (none: it stays a single file). */
export type ItemWithImages = { item: ConvertedItem; files: Map<string, Buffer>; missing: { url: string; reason: string }[] }

/**
 * The plan with its pictures: each item's files, and the hosts of pictures
 * still shown from elsewhere, which the site's Content-Security-Policy must
 * allow (written to `content/image-hosts/wordpress.json`).
 */
export type ImagePlan = { plan: ExportPlan; items: ItemWithImages[]; remoteHosts: string[] }

/** The old site's hosts, from the addresses of everything in the export. */
export function oldSiteHosts(items: readonly Pick<WxrItem, 'link'>[]): string[] {
  const hosts = new Set<string>()
  for (const item of items) {
    try {
      hosts.add(new URL(item.link).hostname.toLowerCase())
    } catch {
      // An item without an address says nothing about the site.
    }
  }
  return [...hosts]
}

/** The upload copy first (no network), then the old site, for what the copy lacks. */
function mediaSource(options: MediaOptions, hosts: MediaHosts): MediaSource | undefined {
  const sources: MediaSource[] = []
  if (options.mediaDir) sources.push(uploadsFolderSource(options.mediaDir))
  if (options.download) {
    sources.push(downloadSource({ isAllowed: (url) => isOldSiteImage(url, hosts), maxBytes: options.maxBytes, timeoutMs: options.timeoutMs }))
  }
  if (sources.length === 0) return undefined
  return async (url) => {
    const reasons: string[] = []
    let gone = false
    for (const source of sources) {
      const result = await source(url)
      if (result.ok) return result
      reasons.push(result.reason)
      gone ||= result.gone === true
    }
    return { ok: false, reason: reasons.join('; '), gone }
  }
}

type Fetched = { ok: true; name: string; data: Buffer } | { ok: false; reason: string; gone?: boolean }

/** One picture: the original when the address is a size variant and the original exists, else the address itself. */
async function fetchImage(
  address: string,
  source: MediaSource,
  hosts: MediaHosts,
): Promise<{ ok: true; data: Buffer; url: URL } | { ok: false; reason: string; gone?: boolean }> {
  let url: URL
  try {
    url = new URL(address)
  } catch {
    return { ok: false, reason: 'not a valid address' }
  }
  // localhost or a private address: no reader ever reached it, and this machine's own services must not be asked,
  // unless it is where the old site itself lived (an intranet blog, or a copy served for the import).
  if (!isPublicHost(address) && !isOldSiteImage(url, hosts)) return { ok: false, reason: `${url.hostname} is not a public address`, gone: true }
  if (!isOldSiteImage(url, hosts)) return { ok: false, reason: `${url.hostname} is not the old site (add it with --media-host to fetch it)` }
  const original = originalUrl(url)
  if (original) {
    const result = await source(original)
    if (result.ok && (await isImage(result.data))) return { ok: true, data: result.data, url: original }
  }
  const result = await source(url)
  // Only the old site's own uploads are known to be gone when they answer nowhere: another host may still serve readers.
  if (!result.ok) return { ...result, gone: result.gone === true && uploadsPath(url) !== undefined }
  if (!(await isImage(result.data))) return { ok: false, reason: 'the file is not an image' }
  return { ok: true, data: result.data, url }
}

/** The image addresses a post's MDX uses, in the body and the frontmatter `image`. */
function imageSources(mdx: string): string[] {
  const hero = /^image: (.+)$/m.exec(mdx.slice(0, mdx.indexOf('\n---', 3)))?.[1]
  const sources = findImageReferences(mdx.slice(mdx.indexOf('\n---', 3) + 4)).map((reference) => reference.src)
  return [...(hero ? [JSON.parse(hero) as string] : []), ...sources]
}

/** A host readers can reach: not `localhost`, a single label or a private address, where the old site sometimes pointed. */
function isPublicHost(address: string): boolean {
  try {
    const host = new URL(address).hostname.toLowerCase()
    return host.includes('.') && host !== 'localhost' && !/^(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|\[)/.test(host)
  } catch {
    return false
  }
}

/** Hosts of the http(s) pictures a body or hero still shows. */
function hostsOf(mdx: string): string[] {
  return imageSources(mdx).flatMap((src) => {
    try {
      const url = new URL(src)
      return url.protocol === 'https:' || url.protocol === 'http:' ? [url.hostname.toLowerCase()] : []
    } catch {
      return []
    }
  })
}

/**
 * Converts the export, bringing its images home: each picture of the old site
 * is copied from `--media-dir` or downloaded (unless `download` is false), and
 * posts that show one become bundles. A picture that cannot be brought home is
 * shown from where it is, and its host is listed for the CSP; one under the
 * old site's uploads that answers nowhere becomes its caption with a link.
 */
export async function planImportWithImages(wxr: WxrExport, options: ImportOptions, media: MediaOptions, { dryRun = false } = {}): Promise<ImagePlan> {
  const wanted = new Set<string>()
  const recorder: MediaResolver = (url, kind) => {
    if (kind === 'image' && /^https?:\/\//i.test(url)) wanted.add(url)
    return keepRemoteMedia(url, kind)
  }
  const first = planExport(wxr, { ...options, media: recorder })
  const hosts = { siteHosts: oldSiteHosts(wxr.items), extraHosts: media.extraHosts }
  const source = mediaSource(media, hosts)
  const finish = (plan: ExportPlan, withImages: ItemWithImages[]): ImagePlan => ({
    plan,
    items: withImages,
    remoteHosts: [...new Set(withImages.flatMap(({ item }) => hostsOf(item.mdx)))].sort(),
  })
  const plain = (plan: ExportPlan, extra: (item: ConvertedItem) => string[] = () => []): ImagePlan =>
    finish(
      plan,
      plan.items.map((item) => ({ item: { ...item, warnings: [...item.warnings, ...extra(item)] }, files: new Map(), missing: [] })),
    )
  if (!source || wanted.size === 0) return plain(first)
  if (dryRun && !media.mediaDir)
    return plain(first, (item) => (imageSources(item.mdx).some((src) => wanted.has(src)) ? ['its images would be downloaded'] : []))

  // Fetched side by side (the source bounds how many at once), then named in order so names are stable.
  const addresses = [...wanted]
  const results = await Promise.all(addresses.map((address) => fetchImage(address, source, hosts)))
  const fetched = new Map<string, Fetched>()
  const taken = new Set<string>()
  const byContent = new Map<string, string>()
  for (const [index, address] of addresses.entries()) {
    const result = results[index]
    if (!result.ok) {
      fetched.set(address, result)
      continue
    }
    // Two addresses of the same bytes (a variant whose original was fetched, and the original) share one file.
    const digest = createHash('sha256').update(result.data).digest('hex')
    const name = byContent.get(digest) ?? bundleFileName(result.url, taken)
    byContent.set(digest, name)
    fetched.set(address, { ok: true, name, data: result.data })
  }

  const gone = (url: string) => {
    const got = fetched.get(url)
    if (got?.ok) return false
    return (got !== undefined && got.gone === true) || !isPublicHost(url)
  }
  // What a reader's browser will load: the site's CSP and browsers upgrade http pictures to https.
  const shownRemotely: MediaResolver = (url, kind) =>
    kind === 'image' && gone(url)
      ? { src: url, local: false, gone: true }
      : keepRemoteMedia(kind === 'image' ? url.replace(/^http:\/\//i, 'https://') : url, kind)
  const local: MediaResolver = (url, kind) => {
    const got = kind === 'image' ? fetched.get(url) : undefined
    return got?.ok ? { src: `./${got.name}`, local: true } : shownRemotely(url, kind)
  }
  // A page body renders no bundle pictures yet: its pictures stay where they are, unless they are gone.
  const remoteOrGone = shownRemotely
  const second = planExport(wxr, { ...options, media: local })
  const pages = planExport(wxr, { ...options, media: remoteOrGone })
  const pageById = new Map(pages.items.filter((item) => item.kind === 'page').map((item) => [item.id, item]))
  const plan = { ...second, items: second.items.map((item) => pageById.get(item.id) ?? item) }
  const firstById = new Map(first.items.map((item) => [item.id, item]))
  return finish(
    plan,
    plan.items.map((item) => {
      const sources = imageSources(item.mdx)
      // Pictures that answer nowhere are no longer in the body (they became captions): name them from the first conversion.
      const goneHere = [...new Set(imageSources(firstById.get(item.id)?.mdx ?? ''))].filter((src) => gone(src))
      const files = new Map<string, Buffer>()
      const missing: ItemWithImages['missing'] = []
      for (const src of new Set(sources)) {
        if (src.startsWith('./')) {
          const entry = [...fetched.values()].find((f) => f.ok && `./${f.name}` === src)
          if (entry?.ok) files.set(entry.name, entry.data)
        } else {
          const failed = fetched.get(src)
          if (failed && !failed.ok) missing.push({ url: src, reason: failed.reason })
        }
      }
      for (const src of goneHere) {
        const failed = fetched.get(src)
        missing.push({ url: src, reason: `${failed && !failed.ok ? failed.reason : 'not a public address'}; shown as its caption with a link` })
      }
      const warnings = [
        ...item.warnings,
        ...missing.map(
          ({ url }) => `image ${url} was not brought home; it is shown from its old host, which the site's Content-Security-Policy now allows`,
        ),
      ]
      const bundled = files.size > 0 && item.kind === 'post'
      return { item: { ...item, warnings, path: bundled ? item.path.replace(/\.mdx$/, '/index.mdx') : item.path }, files, missing }
    }),
  )
}

/**
 * Writes a post: a single file, or a bundle folder built beside the target and
 * renamed into place, so an interrupted import never leaves half a bundle. An
 * older copy in the other form (file vs folder) is replaced too, since both
 * would claim the slug.
 */
export function writePost(item: Pick<ConvertedItem, 'path' | 'mdx'> & { kind?: ConvertedItem['kind'] }, files: ReadonlyMap<string, Buffer>) {
  const target = path.resolve(item.path)
  const bundle = path.basename(target) === 'index.mdx' && files.size > 0
  const finalPath = bundle ? path.dirname(target) : target
  const single = bundle ? `${finalPath}.mdx` : target
  // A page's folder of the same name holds its child pages, not an older copy of it.
  const folder = item.kind === 'page' ? single : bundle ? finalPath : target.replace(/\.mdx$/, '')
  const parent = path.dirname(finalPath)
  mkdirSync(parent, { recursive: true })
  const staging = path.join(parent, `.${path.basename(finalPath)}.importing-${process.pid}`)
  rmSync(staging, { recursive: true, force: true })
  try {
    if (bundle) {
      mkdirSync(staging)
      for (const [name, data] of files) writeFileSync(path.join(staging, name), data)
      writeFileSync(path.join(staging, 'index.mdx'), item.mdx)
    } else {
      writeFileSync(staging, item.mdx)
    }
    const old = `${staging}.old`
    for (const previous of [single, folder]) {
      if (existsSync(previous)) {
        renameSync(previous, old)
        rmSync(old, { recursive: true, force: true })
      }
    }
    renameSync(staging, finalPath)
  } catch (error) {
    rmSync(staging, { recursive: true, force: true })
    throw error
  }
}
