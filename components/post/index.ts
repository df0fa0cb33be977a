/**
 * A post and lists of posts: the article with its metadata, tags and contents,
 * cards, pagination, and the draft banner. The share-link island is imported
 * by its own file, by the one page that renders it.
 */
export { DraftBanner } from './DraftBanner'
export { PaginatedPosts } from './PaginatedPosts'
export { PostArticle } from './PostArticle'
export { PostList } from './PostList'
