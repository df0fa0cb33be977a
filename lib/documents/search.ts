/**
 * A document as search takes it, made here for every kind: by the content
 * store's writer when it builds the index, and by lib/search when a post
 * scheduled after the build goes live. The fields are the ones the kinds
 * mark with `search` (./fields.ts).
 */
import { documentUrl, type DocumentKind } from './kind'
import { DOCUMENT_KINDS } from './kinds'

/** A published document as a hit lists it: its address as id (unique across kinds), and every field a kind marks for search. */
export type SearchListing = {
  id: string
  title: string
  summary: string
  /** Posts only: a kind without tags lists none. */
  tags?: readonly string[]
  /** Posts only: pages have no date. */
  date?: string
  readonly [field: string]: unknown
}

/** What the index takes: the listing and the body's plain text. */
export type SearchDocument = SearchListing & { text: string }

/** Every field some kind marks for search, with its weight when it is indexed; a kind without it gets an empty value, so every document has each field. */
function fieldsOf(kinds: readonly DocumentKind[]): { name: string; boost?: number; list: boolean }[] {
  const fields = new Map<string, { boost?: number; list: boolean }>()
  for (const kind of kinds) {
    for (const [name, spec] of Object.entries(kind.fields)) {
      if (!spec.search) continue
      const boost = spec.search === 'listed' ? undefined : spec.search.boost
      const known = fields.get(name)
      fields.set(name, { boost: Math.max(boost ?? 0, known?.boost ?? 0) || undefined, list: spec.type === 'list' })
    }
  }
  return [...fields].map(([name, field]) => ({ name, ...field }))
}

const FIELDS = fieldsOf(DOCUMENT_KINDS)

/** The fields the index holds, heaviest first, the body's text (weight 1) last: the order MiniSearch numbers them in. */
export const SEARCH_INDEX_FIELDS: readonly string[] = [
  ...FIELDS.filter((field) => field.boost !== undefined)
    .sort((a, b) => b.boost! - a.boost!)
    .map((field) => field.name),
  'text',
]

/** Each indexed field's weight. */
export const SEARCH_BOOSTS: Readonly<Record<string, number>> = Object.fromEntries([
  ...FIELDS.filter((field) => field.boost !== undefined).map((field) => [field.name, field.boost!]),
  ['text', 1],
])

/** A published document's listing: its address, and each search field (empty where its kind has none). */
export function searchListing(kind: DocumentKind, record: Readonly<Record<string, unknown>> & { slug: string }): SearchListing {
  const listing: Record<string, unknown> = { id: documentUrl(kind, 'page', record) }
  for (const field of FIELDS) listing[field.name] = record[field.name] ?? (field.list ? [] : undefined)
  return listing as SearchListing
}
