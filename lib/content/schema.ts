/**
 * Contentlayer's document types, made from the kinds (lib/documents): each
 * kind's fields as Contentlayer's schema, and the fields the content build
 * computes from a file: its slug, the checks the schema's types cannot
 * express, its headings, when it last changed, and (by kind) its reading time
 * and pictures. Runs in the Contentlayer process (contentlayer.config.ts).
 */
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import type { ComputedFields, DocumentTypeDef, FieldDef } from 'contentlayer2/source-files'
import { fieldProblem, slugFromPath, type DocumentKind, type FieldSpec } from '../documents'
import { imagesWithoutAlt, TEXT_ALTERNATIVE_MISSING } from '../images/build'
import { readMarkdown } from '../markdown'
import type { ImageMap } from './types'

/** A content file as the author finds it: `content/posts/x.mdx` under the working directory, elsewhere (CONTENT_DIR) in full. */
export function contentFilePath(contentDir: string, file: string): string {
  const relative = path.relative(process.cwd(), path.join(contentDir, file))
  return relative.startsWith('..') || path.isAbsolute(relative) ? path.join(contentDir, file) : relative
}

/** Thrown at build time so a bad document stops the build and names its file (where it is) and field. */
export function invalidContent(contentDir: string, file: string, field: string, problem: string): never {
  throw new Error(`Invalid content in ${contentFilePath(contentDir, file)}: field "${field}" ${problem}`)
}

function contentlayerField(spec: FieldSpec): FieldDef {
  const { description } = spec
  switch (spec.type) {
    case 'list':
      return { type: 'list', of: { type: 'string' }, default: [...(spec.default ?? [])], description }
    case 'boolean':
      return { type: 'boolean', default: spec.default, description }
    case 'choice':
      // Words and flags alike: fieldProblem checks the value is one of the options.
      return { type: 'json', required: spec.required ?? false, description }
    // Checked as a tag by fieldProblem, since Contentlayer knows no such type.
    case 'language':
      return { type: 'string', required: false, description }
    default:
      return { type: spec.type, required: spec.required ?? false, description }
  }
}

/** A kind's fields as Contentlayer's schema: it checks each value's type and that required ones are there. */
export function contentlayerFields(kind: Pick<DocumentKind, 'fields'>): Record<string, FieldDef> {
  return Object.fromEntries(Object.entries(kind.fields).map(([name, spec]) => [name, contentlayerField(spec)]))
}

/** A document as its computed fields see it. */
type Source = { _raw: { sourceFilePath: string }; body: { raw: string }; [field: string]: unknown }

export type SchemaOptions = {
  /** The content folder (CONTENT_DIR), where twin files are looked for and modification times read. */
  contentDir: string
  /** A document's pictures, checked and made (lib/images/build.ts): for kinds with pictures. */
  pictures: (document: Source) => Promise<ImageMap>
}

/** One kind as a Contentlayer document type. */
export function contentlayerDocumentType(kind: DocumentKind, { contentDir, pictures }: SchemaOptions): DocumentTypeDef {
  const source = (document: unknown) => document as Source
  const computedFields: ComputedFields = {
    slug: {
      type: 'string',
      description: `Its address in ${kind.folder}/: the file's path, without .mdx or a final /index`,
      resolve: (document) => {
        const file = source(document)._raw.sourceFilePath
        const result = slugFromPath(
          kind,
          file,
          (twin) => existsSync(path.join(contentDir, twin)),
          (twin) => contentFilePath(contentDir, twin),
        )
        return 'slug' in result ? result.slug : invalidContent(contentDir, file, result.field, result.problem)
      },
    },
    validated: {
      type: 'boolean',
      description: 'Checks that the schema types alone cannot express',
      resolve: (document) => {
        const fields = source(document)
        for (const [name, spec] of Object.entries(kind.fields)) {
          const problem = fieldProblem(name, spec, fields[name], fields)
          if (problem) invalidContent(contentDir, fields._raw.sourceFilePath, name, problem)
        }
        return true
      },
    },
    // The table of contents. The search text is made when the content store is written: Contentlayer would hold it in memory and write it twice.
    headings: { type: 'json', resolve: (document) => readMarkdown(source(document).body.raw).headings },
    lastModified: {
      type: 'date',
      description: 'When the file last changed, shown to authors on /drafts',
      resolve: (document) => statSync(path.join(contentDir, source(document)._raw.sourceFilePath)).mtime.toISOString(),
    },
    ...(kind.readingTime ? { readingMinutes: { type: 'number', resolve: (document) => readMarkdown(source(document).body.raw).readingMinutes } } : {}),
    ...(kind.pictures
      ? {
          images: {
            type: 'json',
            description: 'Every local picture it shows, by its src: size and generated widths (lib/images)',
            resolve: (document) => pictures(source(document)),
          },
          imagesWithoutAlt: {
            type: 'number',
            description: `Pictures marked "${TEXT_ALTERNATIVE_MISSING}" (an import found no text alternative), hero included: the accessibility statement lists them`,
            resolve: (document) => imagesWithoutAlt(source(document).body.raw, source(document).imageAlt as string | undefined),
          },
        }
      : {}),
  }
  return {
    name: kind.name,
    filePathPattern: `${kind.folder}/**/*.mdx`,
    contentType: 'mdx',
    fields: contentlayerFields(kind),
    computedFields,
  }
}
