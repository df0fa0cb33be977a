/**
 * The shapes the site reads. Contentlayer's documents are split at build time
 * (lib/content/store-writer.ts): a small metadata record per document, kept in
 * one index every listing reads, and the heavy parts (compiled MDX, feed HTML,
 * search text) in files of their own, read only when a page asks for them.
 * What a record holds is each kind's definition (lib/documents).
 */
import type { Author as AuthorDocument, Page as PageDocument, Post as PostDocument } from 'contentlayer/generated'
import type { AnyDocumentKind, DocumentBody, Page, Post, RecordOf } from '../documents'
import type { ProcessedImage } from '../images'

export type { AuthorDocument, PageDocument, PostDocument }
export type { Page, Post }

/** What a post or page renders beyond the metadata: read from disk for that one document (`images` for kinds with pictures). */
export type PostBody = DocumentBody

/** Authors are few and small, so the index holds them whole, bio included. */
export type Author = Pick<AuthorDocument, 'id' | 'name' | 'role' | 'organisation' | 'email' | 'twitter' | 'github'> & {
  body: { code: string }
}

/**
 * One document as Contentlayer generates it, of any kind: its fields by name,
 * and what the content build computed (contentlayer.config.ts, lib/content/build.ts).
 */
export type GeneratedDocument = {
  _raw: { sourceFilePath: string }
  body: { raw: string; code: string }
  slug: string
  lastModified: string | Date
  headings?: unknown
  readingMinutes?: number
  images?: unknown
  [field: string]: unknown
}

/** The heavy parts of a document, each in its own file so a reader loads only the one it needs (only feed kinds have HTML). */
export type PostPart = 'body' | 'html' | 'text'

/** The pictures the content build made for a document, by src (contentlayer.config.ts's `images` field). */
export type ImageMap = Record<string, ProcessedImage>

/** The records of every kind, each under its kind's folder name: `posts`, `pages`. */
export type DocumentLists = { [K in AnyDocumentKind as K['folder']]: RecordOf<K>[] }

/** One build's content: every document's metadata, drafts included (server-only, never served as a file). */
export type StoreIndex = DocumentLists & {
  format: typeof STORE_FORMAT
  authors: Author[]
}

/** Bumped when the layout on disk changes, so a server never misreads an older store. */
export const STORE_FORMAT = 2
