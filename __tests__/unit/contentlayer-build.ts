import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { POINTER_FILE } from '@/lib/content/build'
import { CONTENTLAYER, ROOT } from '@/scripts/lib/process'
import { SEED_CONTENT } from '@/scripts/lib/test-content'

export type ContentBuild = { dir: string; contentDir: string; status: number | null; output: string }

/**
 * Runs the real Contentlayer CLI with the project's config over a content
 * folder of the test's making, in a temporary directory so the project's own
 * .contentlayer/ is never touched. `write` fills the content folder, which is
 * `content/` in that directory unless `contentDir` puts it elsewhere (CONTENT_DIR).
 */
export function buildContent(write: (contentDir: string) => void, { contentDir: elsewhere }: { contentDir?: string } = {}): ContentBuild {
  const dir = fs.mkdtempSync(path.join(tmpdir(), 'sandbank-content-'))
  const contentDir = elsewhere ?? path.join(dir, 'content')
  fs.mkdirSync(path.join(contentDir, 'posts'), { recursive: true })
  fs.cpSync(path.join(SEED_CONTENT, 'authors'), path.join(contentDir, 'authors'), { recursive: true })
  // Contentlayer resolves its packages from, and writes .contentlayer/ to, its working directory.
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
  write(contentDir)
  const build = spawnSync(
    process.execPath,
    // --verbose: without it Contentlayer lists only the first 20 problems of a kind, and the tests look for each.
    [CONTENTLAYER, 'build', '--verbose', '--config', path.join(ROOT, 'contentlayer.config.ts')],
    // Contentlayer takes its working directory from $PWD before process.cwd().
    { cwd: dir, encoding: 'utf8', env: { ...process.env, CONTENT_DIR: contentDir, PWD: dir } },
  )
  return { dir, contentDir, status: build.status, output: build.stdout + build.stderr }
}

/** The content store the build wrote, as its pointer names it (lib/content/store-writer.ts). */
export function builtStoreDir(build: ContentBuild): string {
  const storeDir = path.join(build.dir, '.contentlayer', 'store')
  const id = /contentStoreId = '([0-9a-f]+)'/.exec(fs.readFileSync(path.join(storeDir, POINTER_FILE), 'utf8'))?.[1]
  if (!id) throw new Error(`no content store pointer in ${storeDir}`)
  return path.join(storeDir, id)
}

export function generatedDocuments<T>(build: ContentBuild, type: 'Post' | 'Page'): T[] {
  return JSON.parse(fs.readFileSync(path.join(build.dir, `.contentlayer/generated/${type}/_index.json`), 'utf8')) as T[]
}

export function generatedPosts<T>(build: ContentBuild): T[] {
  return generatedDocuments<T>(build, 'Post')
}

/** Contentlayer's report for one file (`posts/x.mdx`): its line and the indented lines under it. */
export function reportFor(output: string, file: string): string {
  const lines = output.split('\n')
  const start = lines.findIndex((line) => line.includes(`"${file}"`))
  if (start === -1) return ''
  const rest = lines.slice(start + 1)
  const end = rest.findIndex((line) => /• "(posts|pages)\//.test(line) || /^\s*[├└]/.test(line) || line.trim() === '│' || line.trim() === '')
  return [lines[start], ...rest.slice(0, end === -1 ? rest.length : end)].join('\n')
}
