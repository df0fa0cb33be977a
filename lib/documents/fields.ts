/**
 * Front-matter fields, declared once for every output: the content build's
 * schema and checks (lib/content/build.ts), the metadata index (every field
 * goes there), and search (the fields that say `search`).
 */

/** How a field takes part in search: indexed with a weight (its words find the document), or only shown with each hit. */
export type SearchUse = { boost: number } | 'listed'

type FieldBase = {
  /** For authors: Contentlayer writes it into the generated types. */
  description?: string
  required?: boolean
  search?: SearchUse
}

export type FieldSpec =
  | (FieldBase & { type: 'string' })
  /** An ISO date; `notBefore` names a date field this one may not precede ("updated" after "date"). */
  | (FieldBase & { type: 'date'; notBefore?: string })
  | (FieldBase & { type: 'boolean'; default?: boolean })
  | (FieldBase & { type: 'number' })
  /** A list of words; `item` is what one is called in messages ("an empty tag"). */
  | (FieldBase & { type: 'list'; default?: readonly string[]; item?: string })

export type Fields = Readonly<Record<string, FieldSpec>>

type ValueOf<S extends FieldSpec> = S['type'] extends 'boolean'
  ? boolean
  : S['type'] extends 'number'
    ? number
    : S['type'] extends 'list'
      ? string[]
      : string

type Present<S> = S extends { required: true } ? true : S extends { default: unknown } ? true : false

/** The values a document's fields hold: required ones, and ones with a default, are always there. */
export type FieldValues<F extends Fields> = { -readonly [K in keyof F as Present<F[K]> extends true ? K : never]: ValueOf<F[K]> } & {
  -readonly [K in keyof F as Present<F[K]> extends true ? never : K]?: ValueOf<F[K]>
}

/**
 * Fields every kind of document has. A field added here is in every kind's
 * schema, metadata and (if it says so) search, with nothing else to edit.
 */
export const COMMON_FIELDS = {
  title: { type: 'string', required: true, description: 'Heading, page title and search title', search: { boost: 5 } },
  summary: {
    type: 'string',
    required: true,
    description: 'One or two sentences for listings, search and the meta description',
    search: { boost: 2 },
  },
  updated: { type: 'date', required: false, description: 'When it last changed in substance; shown on it', notBefore: 'date' },
  draft: { type: 'boolean', default: false, description: 'Kept from the public, whatever else it says' },
} as const satisfies Fields

/** The problem with one field's value that the schema's types cannot express, or undefined. */
export function fieldProblem(name: string, spec: FieldSpec, value: unknown, document: Readonly<Record<string, unknown>>): string | undefined {
  if (value === undefined || value === null) return undefined
  switch (spec.type) {
    case 'string':
      return spec.required && !String(value).trim() ? 'must not be empty' : undefined
    case 'list':
      return Array.from(value as Iterable<string>).some((item) => !item.trim()) ? `must not contain an empty ${spec.item ?? 'item'}` : undefined
    case 'number':
      return Number.isFinite(value) ? undefined : 'must be a number'
    case 'date': {
      const earliest = spec.notBefore && document[spec.notBefore]
      return earliest && String(value) < String(earliest) ? `must not be before "${spec.notBefore}"` : undefined
    }
    default:
      return undefined
  }
}

/** A field's value as the metadata index keeps it: lists copied, flags as booleans, defaults filled in. */
export function storedValue(spec: FieldSpec, value: unknown): unknown {
  if (spec.type === 'list') return [...((value as Iterable<string> | undefined) ?? spec.default ?? [])]
  if (spec.type === 'boolean') return value === undefined ? spec.default : value === true
  return value
}
