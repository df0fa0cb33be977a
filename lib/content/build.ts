/**
 * The content build's face: splitting Contentlayer's output into the content
 * store (./store-writer.ts), and where a store's files are. contentlayer.config.ts
 * imports it (and tests that read a store they built); it runs in the
 * Contentlayer process, in plain Node, before any store exists.
 */
export { postImageMap, readGeneratedDocuments, writeContentStore, type ExtraFile, type ExtraFiles, type WriteStoreOptions } from './store-writer'
export type { AuthorDocument, PageDocument, PostDocument } from './types'
export { partPath, POINTER_FILE, storedImageHosts } from './store-layout'
export { checkComments, checkImageHosts, checkRedirects, commentsSetting, ContentFieldError, type CommentsSetting, type StoredComment } from './site-data'
