/**
 * Search: what a request may ask for, and the engine over whatever documents
 * it is given (the benchmark gives it synthetic posts). Search over the
 * published posts and pages, which reads content, is server-only, in ./server.ts.
 */
export { createSearchIndex, searchIndex, type IndexHit, type IndexResponse, type SearchDocument, type SearchIndex } from './engine'
export {
  DEFAULT_LIMIT,
  MAX_LIMIT,
  MAX_QUERY_LENGTH,
  parseSearchLimit,
  parseSearchParams,
  parseSearchQuery,
  queryTooLongMessage,
  type SearchHit,
  type SearchParams,
  type SearchParamsResult,
  type SearchResponse,
} from './params'
