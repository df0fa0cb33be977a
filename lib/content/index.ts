/**
 * What any module may know about content: the shape of a post or page and how
 * its dates read. The posts and pages themselves, drafts included in the
 * content store, are behind ./server.ts, the one place that decides what the
 * public may see. The content build writes the store through ./build.ts.
 */
export type { Author, AuthorDocument, Page, PageDocument, Post, PostBody, PostDocument } from './types'
export type { StoredComment } from './site-data'
export { formatDate, formatMonth } from './dates'
