import { page } from './page'
import { post } from './post'

/** Every kind of document the site has. A new kind is a definition like ./post.ts, added here. */
export const DOCUMENT_KINDS = [post, page] as const

export type AnyDocumentKind = (typeof DOCUMENT_KINDS)[number]

/** The kind whose folder holds a source file (`posts/x.mdx` → post), or undefined. */
export function kindOfFile(sourceFilePath: string): AnyDocumentKind | undefined {
  return DOCUMENT_KINDS.find((kind) => sourceFilePath.startsWith(`${kind.folder}/`))
}

/**
 * Where a document's readers' comments are kept in content/: a post's at
 * `comments/<slug>.json`, another kind's in its own folder below
 * (`comments/pages/<slug>.json`, `comments/pages/visit/opening-times.json`).
 * A post's slug has no slash, so the two never meet.
 */
export function commentsFile(kind: Pick<AnyDocumentKind, 'folder'>, slug: string): string {
  return kind.folder === post.folder ? `comments/${slug}.json` : `comments/${kind.folder}/${slug}.json`
}

/** The document a comments file (its path in content/) belongs to: the inverse of commentsFile. */
export function commentsOwner(file: string): { kind: AnyDocumentKind; slug: string } {
  const inFolder = file.replace(/^comments\//, '').replace(/\.json$/, '')
  const kind = DOCUMENT_KINDS.find((other) => other !== post && inFolder.startsWith(`${other.folder}/`))
  return kind ? { kind, slug: inFolder.slice(kind.folder.length + 1) } : { kind: post, slug: inFolder }
}
