/**
 * Any kind of document (lib/documents), read through the one published
 * filter: the published ones for every public output, the unpublished ones
 * for the signed-in /drafts routes only. Metadata comes from the content
 * store's index; a body, its text or its feed HTML from its own file, read
 * only for a document the caller was already allowed to show.
 *
 * Every list function takes an optional list in place of the store's, so
 * units can test the rules without a build.
 */
import 'server-only'
import { isPublished, type AnyDocumentKind, type DocumentBody, type RecordOf } from '../documents'
import { documentCatalogOf, type DocumentCatalog } from './catalog'
import { contentStore } from './store'

type RecordList<K extends AnyDocumentKind> = readonly RecordOf<K>[]

/** What the published filter reads of any record. */
type Schedulable = { draft?: boolean; date?: string }

function catalog<K extends AnyDocumentKind>(kind: K, documents: RecordList<K> | undefined): DocumentCatalog<RecordOf<K>> {
  return documents ? documentCatalogOf(documents, kind) : contentStore().documents(kind)
}

/** A kind's published documents at `now`, in its order: the same array until a scheduled one goes live. */
export function getPublishedDocuments<K extends AnyDocumentKind>(kind: K, now: Date = new Date(), documents?: RecordList<K>): readonly RecordOf<K>[] {
  return catalog(kind, documents).published(now)
}

/** One document of a kind, if it is published at `now` (`published`), or if it is not. */
function findDocument<K extends AnyDocumentKind>(kind: K, slug: string, now: Date, documents: RecordList<K> | undefined, published: boolean) {
  const found = catalog(kind, documents).find(slug)
  return found && isPublished(found as Schedulable, now) === published ? found : undefined
}

export function getPublishedDocument<K extends AnyDocumentKind>(kind: K, slug: string, now = new Date(), documents?: RecordList<K>): RecordOf<K> | undefined {
  return findDocument(kind, slug, now, documents, true)
}

/** Drafts and scheduled documents of a kind, for signed-in authors only. */
export function getUnpublishedDocuments<K extends AnyDocumentKind>(kind: K, now: Date = new Date(), documents?: RecordList<K>): RecordOf<K>[] {
  return catalog(kind, documents).unpublished(now)
}

export function getUnpublishedDocument<K extends AnyDocumentKind>(kind: K, slug: string, now = new Date(), documents?: RecordList<K>): RecordOf<K> | undefined {
  return findDocument(kind, slug, now, documents, false)
}

/** The compiled MDX and headings (and pictures) of a document the caller has already been allowed to show. */
export async function readDocumentBody(kind: AnyDocumentKind, document: { slug: string }): Promise<DocumentBody> {
  return JSON.parse(await contentStore().readPart(kind.folder, document.slug, 'body')) as DocumentBody
}

/** The plain text of a document, for search. */
export function readDocumentText(kind: AnyDocumentKind, document: { slug: string }): string {
  return contentStore().readPartSync(kind.folder, document.slug, 'text')
}
