/**
 * Contentlayer reuses a document from its cache while the document's own file
 * is unchanged (it compares the .mdx file's mtime). A bundle's photo can change
 * alone, and the variant store can be deleted, so before Contentlayer reads its
 * cache the config calls this: when any file beside the posts, the site address
 * or the pipeline changed, or the store is gone, the cache is dropped and every
 * post is rebuilt. Stat calls only; no file is read.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { PIPELINE_VERSION, imageStoreDir } from './config'

function bundleFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return bundleFiles(full)
    return entry.name.endsWith('.mdx') ? [] : [full]
  })
}

export function bundleFingerprint(contentDir: string, extra: string[] = []): string {
  const hash = createHash('sha256').update(`v${PIPELINE_VERSION}\0${extra.join('\0')}\0`)
  for (const file of bundleFiles(path.join(contentDir, 'posts')).sort()) {
    const stat = statSync(file)
    hash.update(`${path.relative(contentDir, file)}\0${stat.size}\0${stat.mtimeMs}\0`)
  }
  return hash.digest('hex')
}

export function invalidateCacheWhenBundleFilesChange(contentDir: string, cwd: string = process.cwd()): boolean {
  const dotDir = path.join(cwd, '.contentlayer')
  const stampFile = path.join(dotDir, '.bundle-files')
  const fingerprint = bundleFingerprint(contentDir, [contentDir, process.env.SITE_URL ?? ''])
  const previous = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : undefined
  if (previous === fingerprint && existsSync(imageStoreDir(cwd))) return false
  rmSync(path.join(dotDir, '.cache'), { recursive: true, force: true })
  mkdirSync(dotDir, { recursive: true })
  writeFileSync(stampFile, fingerprint)
  return true
}
