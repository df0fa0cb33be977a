/**
 * The layout's rules (docs/architecture.md), checked on every import in the
 * repository: dependencies point down, feature folders are entered only by
 * their faces, no module or feature folder depends on itself round a loop,
 * and server-only code stays out of what plain Node loads.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { ROOT } from '@/scripts/lib/process'

/** Folders whose direct subfolders are features, each entered through index.ts. */
const FEATURE_ROOTS = ['lib', 'components']

/**
 * A folder's faces besides index.ts: `server.ts` is its server-only face
 * (checked below to import 'server-only'). components/mdx/html.tsx renders
 * with react-dom/server, which Next forbids in the app, so the content build
 * reaches it directly rather than through the index every page imports;
 * lib/content/build.ts, the content store's writer, which the content build
 * (plain Node, before any store exists) runs and nothing else should load; and
 * lib/images/build.ts, the content build's picture maker (sharp, the MDX parser),
 * plain Node only, so it is kept out of the index that pages import.
 * And a client island ('use client') is its own face: a page loads the
 * JavaScript of every island its imports reach, rendered or not, so islands
 * are imported by file and never re-exported by an index. lib/redis/client.mjs
 * is the plain JavaScript behind lib/redis/index.ts, reached directly by Next's
 * cache handler (lib/cache), which Node loads outside the bundle, where
 * TypeScript cannot go.
 */
const SECOND_FACES = new Set(['server', 'components/mdx/html', 'lib/redis/client', 'lib/content/build', 'lib/images/build'])

/** The one index allowed to reach islands: the frame every page renders. */
const FRAME = 'components/layout/index'

/** Entry points that run in plain Node, where `server-only` throws (as do scripts/ and the e2e files); og-render maps it to its empty module (its tsconfig). */
const PLAIN_NODE_ENTRIES = ['next.config.ts', 'contentlayer.config.ts']
const PLAIN_NODE_EXCEPTIONS = new Set(['scripts/bench/og-render.ts'])

/** Not code: installed packages, posts, static files, docs; and test fixtures anywhere. */
const SKIPPED = new Set(['node_modules', 'content', 'public', 'docs', 'assets', '__tests__/fixtures'])
const SOURCE = /\.(ts|tsx|mts|mjs|js)$/

type SourceFile = { file: string; specifiers: string[]; client?: boolean }

function walk(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const relative = dir ? `${dir}/${name}` : name
    if (name.startsWith('.') || SKIPPED.has(relative)) return []
    if (statSync(path.join(ROOT, relative)).isDirectory()) return walk(relative)
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [relative] : []
  })
}

/** What a file imports, as written: `import type` and `export … from` as much as plain imports. */
function readFileSpecifiers(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((imported) => imported.fileName)
}

function readSources(): SourceFile[] {
  return walk('').map((file) => {
    const text = readFileSync(path.join(ROOT, file), 'utf8')
    return { file, specifiers: readFileSpecifiers(text), client: /^(['"])use client\1/.test(text) }
  })
}

const moduleOf = (file: string) => file.replace(SOURCE, '')

/** Every repository module `from` reaches through its imports, itself included; `skip` stops at those files. */
function reachable(from: string, sources: SourceFile[], skip: ReadonlySet<string> = new Set()): SourceFile[] {
  const byModule = new Map(sources.map((source) => [moduleOf(source.file), source]))
  const seen = new Map<string, SourceFile>()
  const queue = [from]
  while (queue.length > 0) {
    const source = byModule.get(queue.pop()!)
    if (!source || seen.has(source.file) || skip.has(source.file)) continue
    seen.set(source.file, source)
    for (const specifier of source.specifiers) {
      const target = resolve(source.file, specifier)
      if (target) queue.push(target)
    }
  }
  return [...seen.values()]
}

/** The repository file a specifier names, without extension ('lib/content/index'), or undefined for a package. */
function resolve(from: string, specifier: string): string | undefined {
  let target: string
  if (specifier.startsWith('@/')) target = specifier.slice(2)
  else if (specifier.startsWith('.')) target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier))
  else return undefined
  target = target.replace(/\.(ts|tsx|mts|mjs|js)$/, '')
  const isFolder = existsSync(path.join(ROOT, target)) && statSync(path.join(ROOT, target)).isDirectory()
  return isFolder ? `${target}/index` : target
}

/** The feature folder a file belongs to ('lib/content'), and its path inside it ('posts'). */
function featureOf(file: string): { folder: string; inner: string } | undefined {
  const [root, feature, ...rest] = file.split('/')
  if (!FEATURE_ROOTS.includes(root) || rest.length === 0) return undefined
  return { folder: `${root}/${feature}`, inner: rest.join('/') }
}

/** Tests mirror the folders: __tests__/unit/lib/og.test.ts (or __tests__/unit/lib/og/…) tests lib/og from inside. */
function mirrors(testFile: string, folder: string): boolean {
  return testFile === `__tests__/unit/${folder}.test.ts` || testFile.startsWith(`__tests__/unit/${folder}/`)
}

export function layoutViolations(sources: SourceFile[]): string[] {
  const islands = new Set(sources.filter((source) => source.client).map((source) => moduleOf(source.file)))
  const problems: string[] = []
  for (const { file, specifiers } of sources) {
    for (const specifier of specifiers) {
      const target = resolve(file, specifier)
      if (!target) continue
      if (file.startsWith('lib/') && (target.startsWith('components/') || target.startsWith('app/'))) {
        problems.push(`${file} imports ${specifier}: lib/ must not depend on components/ or app/`)
      }
      const feature = featureOf(target)
      if (!feature || file.startsWith(`${feature.folder}/`) || mirrors(file, feature.folder)) continue
      const face = feature.inner.replace(/\.(tsx?)$/, '')
      if (face !== 'index' && !SECOND_FACES.has(face) && !SECOND_FACES.has(target) && !islands.has(target)) {
        problems.push(`${file} imports ${specifier}: outside ${feature.folder}/, import its index.ts`)
      }
    }
  }
  return problems
}

/** Client islands an index.ts reaches, so that every page importing the index would load them. */
export function islandsBehindIndexes(sources: SourceFile[]): string[] {
  return sources
    .filter(({ file }) => featureOf(file) && /\/index\.tsx?$/.test(file) && moduleOf(file) !== FRAME)
    .flatMap(({ file }) =>
      reachable(moduleOf(file), sources)
        .filter((source) => source.client)
        .map((island) => `${file} reaches ${island.file}`),
    )
}

/** Server faces must mark themselves server-only, so the build refuses them in client code. */
export function unmarkedServerFaces(sources: SourceFile[]): string[] {
  return sources
    .filter(({ file }) => featureOf(file) && /\/server\.tsx?$/.test(file) && !file.startsWith('__tests__/'))
    .filter(({ specifiers }) => !specifiers.includes('server-only'))
    .map(({ file }) => file)
}

/** Files reachable from `entries` through repository imports that import 'server-only'. */
export function serverOnlyReachableFrom(entries: string[], sources: SourceFile[]): string[] {
  const found = entries
    .flatMap((entry) => reachable(moduleOf(entry), sources, PLAIN_NODE_EXCEPTIONS))
    .filter((source) => source.specifiers.includes('server-only'))
    .map((source) => source.file)
  return [...new Set(found)]
}

/** Each module's repository imports, by module ('lib/content/index'); type-only imports count, as they tie the files together as much. */
function importGraph(sources: SourceFile[]): Map<string, string[]> {
  const modules = new Set(sources.map((source) => moduleOf(source.file)))
  return new Map(
    sources.map(({ file, specifiers }) => [
      moduleOf(file),
      specifiers.map((specifier) => resolve(file, specifier)).filter((target): target is string => target !== undefined && modules.has(target)),
    ]),
  )
}

/**
 * Every set of modules that import each other, directly or round a longer
 * loop (Tarjan's strongly connected components), each listed from its first
 * module in file order. A loop is a module no reader can understand alone and
 * no bundle can load in a fixed order.
 */
export function importCycles(sources: SourceFile[]): string[][] {
  const graph = importGraph(sources)
  const order = new Map<string, number>()
  const lowest = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const cycles: string[][] = []
  const visit = (from: string) => {
    order.set(from, order.size)
    lowest.set(from, order.get(from)!)
    stack.push(from)
    onStack.add(from)
    for (const target of graph.get(from) ?? []) {
      if (!order.has(target)) {
        visit(target)
        lowest.set(from, Math.min(lowest.get(from)!, lowest.get(target)!))
      } else if (onStack.has(target)) lowest.set(from, Math.min(lowest.get(from)!, order.get(target)!))
    }
    if (lowest.get(from) !== order.get(from)) return
    const component: string[] = []
    let member: string
    do {
      member = stack.pop()!
      onStack.delete(member)
      component.push(member)
    } while (member !== from)
    const selfImport = (graph.get(from) ?? []).includes(from)
    if (component.length > 1 || selfImport) cycles.push(component.sort())
  }
  for (const start of graph.keys()) if (!order.has(start)) visit(start)
  return cycles
}

/** Feature folders that import each other (`lib/content` ↔ `lib/auth`): each must sit above the other, so neither does. */
export function twoWayFolderLinks(sources: SourceFile[]): string[] {
  const links = new Set<string>()
  for (const [importer, targets] of importGraph(sources)) {
    const from = featureOf(importer)?.folder
    for (const target of targets) {
      const to = featureOf(target)?.folder
      if (from && to && from !== to) links.add(`${from} → ${to}`)
    }
  }
  return [...links].filter((link) => {
    const [from, to] = link.split(' → ')
    return from < to && links.has(`${to} → ${from}`)
  })
}

const sources = readSources()

describe('the layout', () => {
  test('the scan sees the code', () => {
    const files = sources.map((source) => source.file)
    for (const file of ['lib/routes.ts', 'lib/content/posts.ts', 'components/mdx/index.ts', 'app/page.tsx', 'proxy.ts', 'scripts/start.ts']) {
      expect(files).toContain(file)
    }
  })

  test('lib/ imports nothing from components/ or app/, and feature folders are entered only through their faces', () => {
    expect(layoutViolations(sources)).toEqual([])
  })

  test('every feature folder has an index.ts, unless it holds only client islands', () => {
    const folders = FEATURE_ROOTS.flatMap((root) =>
      readdirSync(path.join(ROOT, root))
        .filter((name) => statSync(path.join(ROOT, root, name)).isDirectory())
        .map((name) => `${root}/${name}`),
    )
    expect(folders.length).toBeGreaterThan(10)
    const onlyIslands = (folder: string) => sources.filter(({ file }) => file.startsWith(`${folder}/`)).every((source) => source.client)
    const withoutIndex = folders.filter((folder) => !['index.ts', 'index.tsx'].some((index) => existsSync(path.join(ROOT, folder, index))))
    expect(withoutIndex.filter((folder) => !onlyIslands(folder))).toEqual([])
  })

  test('no index.ts but the page frame reaches a client island', () => {
    expect(islandsBehindIndexes(sources)).toEqual([])
  })

  test("every server.ts face imports 'server-only'", () => {
    expect(sources.filter(({ file }) => /^lib\/[^/]+\/server\.ts$/.test(file)).length).toBeGreaterThanOrEqual(5)
    expect(unmarkedServerFaces(sources)).toEqual([])
  })

  test('no module imports itself round a loop, type-only imports included', () => {
    expect(importCycles(sources)).toEqual([])
  })

  test('no two feature folders import each other', () => {
    expect(twoWayFolderLinks(sources)).toEqual([])
  })

  test("nothing that scripts, the e2e tests, next.config.ts or contentlayer.config.ts load imports 'server-only'", () => {
    const plainNode = sources.map((source) => source.file).filter((file) => file.startsWith('scripts/') || file.startsWith('__tests__/e2e/'))
    expect(serverOnlyReachableFrom([...PLAIN_NODE_ENTRIES, ...plainNode], sources)).toEqual([])
  })
})

describe('the checks catch what they are for', () => {
  test('lib/ reaching into components/ or app/', () => {
    expect(layoutViolations([{ file: 'lib/seo/feeds.ts', specifiers: ['../../components/mdx'] }])).toHaveLength(1)
    expect(layoutViolations([{ file: 'lib/og/render.tsx', specifiers: ['@/app/layout'] }])).toHaveLength(1)
  })

  test('reaching past a folder’s faces, from app/, components/, another lib/ folder or a script', () => {
    const deep = [
      { file: 'app/page.tsx', specifiers: ['@/lib/content/posts'] },
      { file: 'components/post/PostCard.tsx', specifiers: ['@/components/mdx/components'] },
      { file: 'lib/seo/feeds.ts', specifiers: ['../search/engine'] },
      { file: 'scripts/author.ts', specifiers: ['../lib/auth/author-store'] },
      { file: '__tests__/unit/lib/og.test.ts', specifiers: ['@/lib/search/rank'] },
    ]
    expect(layoutViolations(deep)).toHaveLength(deep.length)
    const allowed = [
      { file: 'app/page.tsx', specifiers: ['@/lib/content', '@/lib/content/server', '@/lib/routes', 'next/navigation'] },
      { file: 'lib/content/drafts.ts', specifiers: ['./posts', '../auth'] },
      { file: '__tests__/unit/lib/og.test.ts', specifiers: ['@/lib/og/layout'] },
      { file: 'contentlayer.config.ts', specifiers: ['./components/mdx/html', './lib/content/build'] },
      { file: 'app/search/page.tsx', specifiers: ['@/components/search/SearchBox'] },
      { file: 'components/search/SearchBox.tsx', specifiers: [], client: true },
    ]
    expect(layoutViolations(allowed)).toEqual([])
  })

  test('an index that would make every page importing it load an island', () => {
    const folder = [
      { file: 'components/post/index.ts', specifiers: ['./DraftBanner'] },
      { file: 'components/post/DraftBanner.tsx', specifiers: ['./ShareLinkButton'] },
      { file: 'components/post/ShareLinkButton.tsx', specifiers: ['react'], client: true },
    ]
    expect(islandsBehindIndexes(folder)).toEqual(['components/post/index.ts reaches components/post/ShareLinkButton.tsx'])
  })

  test('an import cycle, however long and however typed, and no cycle where imports only point one way', () => {
    const loop = [
      { file: 'lib/search/engine.ts', specifiers: ['./rank'] },
      { file: 'lib/search/rank.ts', specifiers: ['./engine'] },
      { file: 'lib/wordpress/code.ts', specifiers: ['./shortcodes'] },
      { file: 'lib/wordpress/shortcodes.ts', specifiers: ['./context'] },
      { file: 'lib/wordpress/context.ts', specifiers: ['./code'] },
      { file: 'lib/og/urls.ts', specifiers: ['./urls'] },
    ]
    expect(importCycles(loop)).toEqual([
      ['lib/search/engine', 'lib/search/rank'],
      ['lib/wordpress/code', 'lib/wordpress/context', 'lib/wordpress/shortcodes'],
      ['lib/og/urls'],
    ])
    // Read from a type-only import as from any other.
    const typeOnly = readFileSpecifiers("import type { SearchDocument } from './engine'\nexport const FIELDS = []")
    expect(
      importCycles([
        { file: 'lib/search/engine.ts', specifiers: ['./rank'] },
        { file: 'lib/search/rank.ts', specifiers: typeOnly },
      ]),
    ).toHaveLength(1)
    const downhill = [
      { file: 'lib/search/engine.ts', specifiers: ['./rank', './document'] },
      { file: 'lib/search/rank.ts', specifiers: ['./document'] },
      { file: 'lib/search/document.ts', specifiers: [] },
    ]
    expect(importCycles(downhill)).toEqual([])
  })

  test('two feature folders importing each other, through any of their files', () => {
    const folders = [
      { file: 'lib/content/drafts.ts', specifiers: ['../auth'] },
      { file: 'lib/auth/next-auth.ts', specifiers: ['../content/server'] },
      { file: 'lib/auth/index.ts', specifiers: [] },
      { file: 'lib/content/server.ts', specifiers: [] },
      { file: 'lib/seo/feeds.ts', specifiers: ['../content/server'] },
    ]
    expect(twoWayFolderLinks(folders)).toEqual(['lib/auth → lib/content'])
    expect(twoWayFolderLinks(folders.slice(1))).toEqual([])
  })

  test('an unmarked server face, and server-only code a script reaches', () => {
    expect(unmarkedServerFaces([{ file: 'lib/content/server.ts', specifiers: ['./posts'] }])).toEqual(['lib/content/server.ts'])
    const graph = [
      { file: 'scripts/tool.ts', specifiers: ['../lib/content'] },
      { file: 'lib/content/index.ts', specifiers: ['./posts'] },
      { file: 'lib/content/posts.ts', specifiers: ['server-only'] },
    ]
    expect(serverOnlyReachableFrom(['scripts/tool.ts'], graph)).toEqual(['lib/content/posts.ts'])
  })
})
