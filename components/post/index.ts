/**
 * A post and lists of posts: the article with its metadata, tags and contents,
 * cards, pagination, a page of a year in the archive, and the draft banner (pages use it, and the contents, too). The share-link island is imported
 * by its own file, by the one page that renders it.
 */
export { ArchiveYear } from './ArchiveYear'
export { DraftBanner } from './DraftBanner'
export { PaginatedPosts } from './PaginatedPosts'
export { Pagination } from './Pagination'
export { PostArticle } from './PostArticle'
export { PostList } from './PostList'
export { Toc } from './Toc'
export { Translations, type TranslationLink } from './Translations'
