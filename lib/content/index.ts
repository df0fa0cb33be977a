/**
 * What any module may know about content: the shape of a post or page and how
 * its dates read. The posts themselves, drafts included at the source, are behind
 * ./server.ts, the one place that decides what the public may see.
 */
export type { Author, Page, Post } from 'contentlayer/generated'
export { formatDate, formatMonth } from './dates'
