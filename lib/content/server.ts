/** The posts, authors, tags and drafts: server-only, since the source holds drafts. */
import 'server-only'

export {
  getAdjacentPosts,
  getArchive,
  getAuthor,
  getAuthors,
  getPostsByAuthor,
  getPostsByTag,
  getPublishedPost,
  getPublishedPosts,
  getTag,
  getTags,
  getUnpublishedPost,
  getUnpublishedPosts,
  isPublished,
  pageCount,
  paginate,
  parsePageNumber,
  postHeadings,
  postState,
  postVersion,
  type ArchiveMonth,
  type ArchiveYear,
  type ListingPage,
  type PostLink,
  type PostState,
  type TagSummary,
} from './posts'
export {
  ACCESSIBILITY_STATEMENT_SLUG,
  getNavigationPages,
  getPublishedPage,
  getPublishedPages,
  getUnpublishedPage,
  getUnpublishedPages,
  pageCardVersion,
  pageHeadings,
  type NavLink,
} from './pages'
export { createDraftShareLink, getDraftSummaries, resolveDraftAccess, type Draft, type DraftAccess, type DraftSummary } from './drafts'
export { fingerprint } from './fingerprint'
