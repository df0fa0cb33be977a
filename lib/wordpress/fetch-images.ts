/**
 * Where an imported post's pictures come from: which addresses are the old
 * site's, a copy of its wp-content/uploads, WordPress's size variants and their
 * originals, and the file name a picture gets in its bundle. The downloader is
 * ./download.ts; ./import-media.ts puts them to work through the converter's
 * media seam.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'

/** Where an image address may be fetched from: the old site's hosts, their WordPress CDN forms, and any the user names. */
export type MediaHosts = { siteHosts: readonly string[]; extraHosts?: readonly string[] }

/**
 * A fetched or copied picture, or why not. `gone` says the picture answers
 * nowhere (its host does not exist or refuses connections, or the file is 404
 * or 410), as opposed to a failure that a browser might not meet.
 */
export type MediaResult = { ok: true; data: Buffer; from: string } | { ok: false; reason: string; gone?: boolean }

/** Gets one picture by its address (a download, or a file from the uploads copy). */
export type MediaSource = (url: URL) => Promise<MediaResult>

/** WordPress's resized copies: `photo-300x200.jpg` is `photo.jpg` scaled. */
const SIZE_VARIANT = /-(\d+)x(\d+)(\.[a-z0-9]+)$/i

export function originalOf(pathname: string): string | undefined {
  return SIZE_VARIANT.test(pathname) ? pathname.replace(SIZE_VARIANT, '$3') : undefined
}

function hostOf(value: string): string {
  return value.toLowerCase().replace(/^www\./, '')
}

/**
 * Whether an address is the old site's own: its host (with or without www),
 * its `<name>.files.wordpress.com` upload host when it was a wordpress.com
 * site, the Photon CDN form `i0.wp.com/<host>/…`, or a host the user added.
 */
export function isOldSiteImage(url: URL, hosts: MediaHosts): boolean {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false
  if (url.username || url.password) return false
  const host = hostOf(url.hostname)
  const site = hosts.siteHosts.map(hostOf)
  if (site.includes(host) || (hosts.extraHosts ?? []).map(hostOf).includes(host)) return true
  const uploads = /^([a-z0-9-]+)\.files\.wordpress\.com$/.exec(host)
  if (uploads && site.some((s) => s === `${uploads[1]}.wordpress.com`)) return true
  if (/^i[0-3]\.wp\.com$/.test(host)) {
    const proxied = url.pathname.split('/')[1]?.toLowerCase()
    return proxied !== undefined && site.includes(hostOf(proxied))
  }
  return false
}

/**
 * The file's path inside wp-content/uploads (`2014/03/photo.jpg`), for reading
 * a local copy of that folder; undefined when the address is not an upload.
 */
export function uploadsPath(url: URL): string | undefined {
  let pathname = decodeURIComponent(url.pathname)
  if (/^i[0-3]\.wp\.com$/i.test(url.hostname)) pathname = pathname.replace(/^\/[^/]+/, '')
  if (/\.files\.wordpress\.com$/i.test(url.hostname)) return pathname.replace(/^\/+/, '') || undefined
  const marker = '/wp-content/uploads/'
  const at = pathname.indexOf(marker)
  return at === -1 ? undefined : pathname.slice(at + marker.length) || undefined
}

/** The address without WordPress's size suffix, tried first so the bundle gets the full-size original. */
export function originalUrl(url: URL): URL | undefined {
  const original = originalOf(url.pathname)
  if (!original) return undefined
  const copy = new URL(url.href)
  copy.pathname = original
  copy.search = ''
  return copy
}

/** Reads pictures from a copy of wp-content/uploads, never outside it. */
export function uploadsFolderSource(folder: string): MediaSource {
  const root = realpathSync(folder)
  return async (url) => {
    const relative = uploadsPath(url)
    if (!relative) return { ok: false, reason: 'not a wp-content/uploads address' }
    const file = path.resolve(root, relative)
    if (!file.startsWith(root + path.sep)) return { ok: false, reason: 'path leaves the uploads folder' }
    if (!existsSync(file) || !statSync(file).isFile()) return { ok: false, reason: `not in ${folder} (${relative})` }
    if (realpathSync(file) !== file && !realpathSync(file).startsWith(root + path.sep)) return { ok: false, reason: 'path leaves the uploads folder' }
    return { ok: true, data: readFileSync(file), from: file }
  }
}

/** A picture sharp can read, so an HTML error page saved as `photo.jpg` is not taken for one. */
export async function isImage(data: Buffer): Promise<boolean> {
  try {
    const metadata = await sharp(data).metadata()
    return Boolean(metadata.width && metadata.height)
  } catch {
    return false
  }
}

/** A file name for the bundle: the original's, tidied, unique within the post. */
export function bundleFileName(url: URL, taken: Set<string>): string {
  const base = decodeURIComponent(url.pathname.split('/').pop() ?? '') || 'image'
  const extension = (path.extname(base).toLowerCase() || '.jpg').replace('.jpeg', '.jpg')
  const stem =
    path
      .basename(base, path.extname(base))
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'image'
  let name = `${stem}${extension}`
  for (let n = 2; taken.has(name); n++) name = `${stem}-${n}${extension}`
  taken.add(name)
  return name
}
