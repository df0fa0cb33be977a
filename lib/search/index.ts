/**
 * Search: what a request may ask for, and the engine over whatever posts it is
 * given (the benchmark gives it synthetic ones). Search over the published
 * posts, which reads content, is server-only, in ./server.ts.
 */
export { createSearchIndex, searchIndex, type IndexHit, type IndexResponse, type SearchIndex, type SearchablePost } from './engine'
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
