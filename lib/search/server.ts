/** Search over the published posts and pages: this build's index, loaded once per server process. Server-only: it reads content. */
import 'server-only'

export {
  PublishedSearch,
  preloadSearchIndex,
  publishedSearchIndex,
  searchPublished,
  SEARCH_RETRY_AFTER_SECONDS,
  SEARCH_WAIT_MS,
  type PublishedDocument,
  type PublishedView,
  type SearchOutcome,
  type SearchSource,
} from './published'
