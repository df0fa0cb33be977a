/**
 * The kinds of document (a post, a page), each defined once: its fields, its
 * address and routes, what counts as published, and which outputs it takes
 * part in. No content and no server code: the content build, lib/content,
 * search, the sitemap, the drafts list and the route guard read these.
 */
export { COMMON_FIELDS, fieldProblem, storedValue, type FieldSpec, type Fields, type FieldValues, type SearchUse } from './fields'
export {
  defineDocumentKind,
  documentUrl,
  slugFromPath,
  type BuiltFields,
  type DocumentBody,
  type DocumentKind,
  type DocumentRecord,
  type KindRoutes,
  type RecordOf,
  type SlugResult,
} from './kind'
export { DOCUMENT_KINDS, kindOfFile, type AnyDocumentKind } from './kinds'
export { page, type Page } from './page'
export { post, type Post } from './post'
export { bySlug, comparatorOf, isPublished, newestFirst, publishState, type PublishState } from './published'
export { SEARCH_BOOSTS, SEARCH_INDEX_FIELDS, searchListing, type SearchDocument, type SearchListing } from './search'
