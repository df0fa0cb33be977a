/**
 * Search: what a request may ask for, and the engine over whatever documents
 * it is given (the benchmark gives it synthetic posts), with the index saved
 * at build time by the content build (searchIndexFiles) and loaded by the
 * server. Search over the published posts and pages, which reads content, is
 * server-only, in ./server.ts.
 */
export {
  createSearchIndex,
  indexDocuments,
  loadSearchEngine,
  saveSearchEngine,
  searchIndex,
  searchIndexFiles,
  SEARCH_HEADER_FILE,
  searchTermFile,
  type IndexHit,
  type IndexResponse,
  type SearchDocument,
  type SearchIndex,
  type SearchListing,
} from './engine'
export type { PostSearch } from './rank'
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
