/**
 * Where a content store's files are, shared by the writer (in the Contentlayer
 * process, before any store exists) and the reader (in the server).
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { PostPart } from './types'

/** Where stores live, one folder per build's content, named by its fingerprint. */
export function storeRoot(cwd: string = process.cwd()): string {
  return path.join(/* turbopackIgnore: true */ cwd, '.contentlayer', 'store')
}

/** The module the server imports to find its store: `export const contentStoreId = '<id>'`. */
export const POINTER_FILE = 'current.mjs'

const PART_FILES: Record<PostPart, string> = { body: 'body.json', html: 'html', text: 'txt', comments: 'comments.json' }

/**
 * The file holding one part of one document: in its kind's folder (`posts`,
 * `pages`: lib/documents). Keys are encoded, so a slug with slashes (nested
 * pages) stays one file name.
 */
export function partPath(dir: string, folder: string, key: string, part: PostPart): string {
  return path.join(/* turbopackIgnore: true */ dir, folder, `${encodeURIComponent(key)}.${PART_FILES[part]}`)
}

/**
 * The picture hosts the current content store records (content/image-hosts/*.json), read
 * without the server's store module: next.config.ts builds the Content-Security-Policy from
 * them. None before a content build.
 */
export function storedImageHosts(root: string = storeRoot()): string[] {
  const pointer = path.join(/* turbopackIgnore: true */ root, POINTER_FILE)
  if (!existsSync(pointer)) return []
  const id = /contentStoreId = '([0-9a-f]+)'/.exec(readFileSync(pointer, 'utf8'))?.[1]
  const index = id && path.join(/* turbopackIgnore: true */ root, id, 'index.json')
  if (!index || !existsSync(index)) return []
  const hosts = (JSON.parse(readFileSync(index, 'utf8')) as { imageHosts?: unknown }).imageHosts
  return Array.isArray(hosts) ? hosts.filter((host): host is string => typeof host === 'string') : []
}
