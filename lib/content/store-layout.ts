/**
 * Where a content store's files are, shared by the writer (in the Contentlayer
 * process, before any store exists) and the reader (in the server).
 */
import path from 'node:path'
import type { PostPart } from './types'

/** Where stores live, one folder per build's content, named by its fingerprint. */
export function storeRoot(cwd: string = process.cwd()): string {
  return path.join(/* turbopackIgnore: true */ cwd, '.contentlayer', 'store')
}

/** The module the server imports to find its store: `export const contentStoreId = '<id>'`. */
export const POINTER_FILE = 'current.mjs'

const PART_FILES: Record<PostPart, string> = { body: 'body.json', html: 'html', text: 'txt' }

/**
 * The file holding one part of one document: in its kind's folder (`posts`,
 * `pages`: lib/documents). Keys are encoded, so a slug with slashes (nested
 * pages) stays one file name.
 */
export function partPath(dir: string, folder: string, key: string, part: PostPart): string {
  return path.join(/* turbopackIgnore: true */ dir, folder, `${encodeURIComponent(key)}.${PART_FILES[part]}`)
}
