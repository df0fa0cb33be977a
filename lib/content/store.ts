/**
 * Reads one build's content store from disk (written by lib/content/store-writer.ts
 * after `contentlayer2 build`): the metadata index once per server process, and
 * a post's heavy parts only when asked for. Nothing here is bundled into the
 * server code: Turbopack inlines whatever a module imports, which is why nothing
 * imports `contentlayer/generated`'s data.
 */
import 'server-only'
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { contentStoreId } from 'contentlayer/store'
import { post, type AnyDocumentKind, type RecordOf } from '../documents'
import { DocumentCatalog, PostCatalog } from './catalog'
import { partPath, storeRoot } from './store-layout'
import { STORE_FORMAT, type PostPart, type StoreIndex } from './types'

export class ContentStore {
  private index?: StoreIndex
  private postCatalog?: PostCatalog
  private catalogs = new Map<string, DocumentCatalog<RecordOf<AnyDocumentKind>>>()

  constructor(readonly dir: string) {}

  readIndex(): StoreIndex {
    if (this.index) return this.index
    const file = path.join(/* turbopackIgnore: true */ this.dir, 'index.json')
    let index: StoreIndex
    try {
      index = JSON.parse(readFileSync(file, 'utf8')) as StoreIndex
    } catch (error) {
      throw new Error(
        `No content store at ${file} (${(error as Error).message}). \`npm run build\` writes it (\`npm run content\` for the content alone); ` +
          'a standalone server.js finds it only in a release that deploy/release.sh made (docs/deployment.md), not in .next/standalone.',
      )
    }
    if (index.format !== STORE_FORMAT) throw new Error(`The content store at ${file} has format ${index.format}, expected ${STORE_FORMAT}: rebuild.`)
    return (this.index = index)
  }

  /** The posts and their listings (tags, years, authors). */
  catalog(): PostCatalog {
    return (this.postCatalog ??= new PostCatalog(this.readIndex().posts))
  }

  /** Every document of one kind, published or not; the posts' are the ones their listings use. */
  documents<K extends AnyDocumentKind>(kind: K): DocumentCatalog<RecordOf<K>> {
    if (kind.folder === post.folder) return this.catalog().documents as unknown as DocumentCatalog<RecordOf<K>>
    let catalog = this.catalogs.get(kind.folder)
    if (!catalog) this.catalogs.set(kind.folder, (catalog = new DocumentCatalog(this.readIndex()[kind.folder] as RecordOf<AnyDocumentKind>[], kind)))
    return catalog as unknown as DocumentCatalog<RecordOf<K>>
  }

  /** One part of one document, read from disk each time: the OS caches the file, the process keeps nothing. */
  readPart(folder: string, key: string, part: PostPart): Promise<string> {
    return readFile(partPath(this.dir, folder, key, part), 'utf8')
  }

  /** A file beside the index, by its path in the store (the search index's files). */
  readFile(name: string): Promise<string> {
    return readFile(path.join(/* turbopackIgnore: true */ this.dir, name), 'utf8')
  }

  /** For callers that cannot wait (search snippets, a few small files per query). */
  readPartSync(folder: string, key: string, part: PostPart): string {
    return readFileSync(partPath(this.dir, folder, key, part), 'utf8')
  }
}

const GLOBAL_KEY = Symbol.for('sandbank.contentStore')
type WithStore = typeof globalThis & { [GLOBAL_KEY]?: ContentStore }

/**
 * This build's store. Held on globalThis because route bundles and proxy.ts
 * each get their own copy of this module, and the index should be parsed once
 * per process, not once per route. The id comes from a generated module whose
 * only export is the store's fingerprint, so the build is tied to its own
 * content even if `contentlayer2 build` runs again beside a live server, and
 * `next dev` reloads when the content changes.
 */
export function contentStore(): ContentStore {
  const holder = globalThis as WithStore
  const dir = path.join(/* turbopackIgnore: true */ storeRoot(), contentStoreId)
  if (holder[GLOBAL_KEY]?.dir !== dir) holder[GLOBAL_KEY] = new ContentStore(dir)
  return holder[GLOBAL_KEY]
}
