import { page } from './page'
import { post } from './post'

/** Every kind of document the site has. A new kind is a definition like ./post.ts, added here. */
export const DOCUMENT_KINDS = [post, page] as const

export type AnyDocumentKind = (typeof DOCUMENT_KINDS)[number]

/** The kind whose folder holds a source file (`posts/x.mdx` → post), or undefined. */
export function kindOfFile(sourceFilePath: string): AnyDocumentKind | undefined {
  return DOCUMENT_KINDS.find((kind) => sourceFilePath.startsWith(`${kind.folder}/`))
}
