/**
 * A kind of document (a post, a page): everything the site does with one,
 * said once. The content build, the store writer, lib/content, search, the
 * sitemap, the drafts list and the route guard all read these definitions, so
 * a new field on every kind is one edit to COMMON_FIELDS (./fields.ts), and a
 * new kind is one file like ./post.ts added to DOCUMENT_KINDS (./kinds.ts).
 */
import type { ProcessedImage } from '../images'
import { fillRoute } from '../routes'
import type { TocHeading } from '../markdown'
import type { Fields, FieldSpec, FieldValues } from './fields'

/** What every stored document has besides its fields: where it came from, and what its address is. */
export type BuiltFields = {
  /** Its address within its kind: a post's file name, a page's path (`services/contact`). */
  slug: string
  /** When the file last changed, shown to authors on /drafts. */
  lastModified: string
  /** The source file under the content folder, e.g. `posts/<slug>.mdx`. */
  sourceFilePath: string
}

/** The metadata of one document with these fields: a few hundred bytes, kept in the content store's index. */
export type DocumentRecord<F extends Fields = Fields> = FieldValues<F> & BuiltFields

/** What a document renders beyond its metadata, read from its own file when a page shows it; `images` only for kinds with pictures. */
export type DocumentBody = { code: string; headings: TocHeading[]; images?: Record<string, ProcessedImage> }

/**
 * A kind's routes, as lib/routes.ts's table spells them (`/posts/[slug]`):
 * where a document is read, its card, and where an author previews it
 * unpublished. The route guard checks the `[slug]` of each, and of the routes
 * below them (a post's pictures), with the kind's own rules.
 */
export type KindRoutes = { page: string; card: string; draft: string }

/** One of a document's addresses. */
export function documentUrl(kind: Pick<DocumentKind, 'routes'>, route: keyof KindRoutes, document: { slug: string }): string {
  return fillRoute(kind.routes[route], document.slug)
}

/** A slug, or why its file cannot give one (the content build fails naming the file and this field). */
export type SlugResult = { slug: string } | { field: string; problem: string }

export type DocumentKind = {
  /** Contentlayer's document type, and what a reader calls one. */
  name: string
  /** A search hit's and a drafts row's `type`. */
  type: string
  /** Its folder under content/, its list in the content store's index, and the folder of its parts there. */
  folder: string
  fields: Fields
  /** Whether its slug may hold slashes: a page in a folder is a child page (`services/contact`); posts are flat. */
  nested: boolean
  /** Why a slug cannot be one of this kind's, or undefined when it can: the build and the route guard ask the same. */
  slugProblem: (slug: string) => string | undefined
  routes: KindRoutes
  /**
   * How its lists are ordered. Newest first needs a `date` field, which also
   * schedules a document (./published.ts): the scheduled ones sort first.
   */
  order: 'newest first' | 'by slug'
  /** The sitemap lists every published document of this kind. */
  sitemap: boolean
  /** A feed carries the newest published documents of this kind, with their HTML (rendered only for those that can be in one). */
  feed: boolean
  /** Share links let someone who is not signed in read a draft of this kind. */
  shareable: boolean
  /** Its metadata keeps the body's reading time. */
  readingTime: boolean
  /**
   * Its pictures are checked and made by the content build; its metadata keeps
   * the hero's variants and how many are still marked "Text alternative
   * missing", its body the rest.
   */
  pictures: boolean
}

/** A kind's record: its fields, the built ones, and what its body gives (reading time, the hero, pictures still undescribed) and its comments. */
export type RecordOf<K extends DocumentKind> = DocumentRecord<K['fields']> &
  (K extends { readingTime: true } ? { readingMinutes: number } : unknown) &
  (K extends { pictures: true } ? { hero?: ProcessedImage; imagesWithoutAlt?: number } : unknown) &
  (K extends { fields: { comments: FieldSpec } } ? { commentCount?: number } : unknown)

/**
 * A kind whose documents keep readers' comments: one with a `comments` field
 * (open, closed or false). Its comments are `content/comments/<slug>.json`,
 * carried into the content store beside it and shown at its end.
 */
export function takesComments(kind: Pick<DocumentKind, 'fields'>): boolean {
  return 'comments' in kind.fields
}

/** Defines a kind, keeping its literal types so its records are typed from its fields (RecordOf). */
export function defineDocumentKind<const K extends DocumentKind>(kind: K): K {
  return kind
}

/** `posts/a.mdx` → `a`, `pages/services/index.mdx` → `services`: the file's path in its kind's folder, without `.mdx` or a final `index`. */
export function slugFromPath(
  kind: Pick<DocumentKind, 'folder' | 'nested' | 'slugProblem'>,
  sourceFilePath: string,
  exists: (file: string) => boolean,
  shownAs: (file: string) => string = (file) => `content/${file}`,
): SlugResult {
  const inFolder = sourceFilePath.slice(kind.folder.length + 1).replace(/\.mdx?$/, '')
  // An index.mdx stands for its folder; at the top of a flat kind's folder it is a document called "index".
  const isIndex = /(^|\/)index$/.test(inFolder) && (kind.nested || inFolder.includes('/'))
  const slug = isIndex ? inFolder.replace(/(^|\/)index$/, '') : inFolder
  const field = isIndex && slug !== '' ? 'slug (folder name)' : 'slug (file name)'
  if (!kind.nested && slug.includes('/')) {
    return { field: 'slug (file name)', problem: `must be ${kind.folder}/<slug>.mdx or ${kind.folder}/<slug>/index.mdx` }
  }
  const problem = kind.slugProblem(slug)
  if (problem) return { field, problem }
  // `about.mdx` and `about/index.mdx` would both be /about.
  const twin = isIndex ? `${kind.folder}/${slug}.mdx` : `${kind.folder}/${slug}/index.mdx`
  if (exists(twin)) return { field: 'slug (file name)', problem: `is also used by ${shownAs(twin)}` }
  return { slug }
}
