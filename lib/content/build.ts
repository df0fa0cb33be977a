/**
 * The content build's face: splitting Contentlayer's output into the content
 * store (./store-writer.ts). Only contentlayer.config.ts imports it; it runs in
 * the Contentlayer process, in plain Node, before any store exists.
 */
export { postImageMap, readGeneratedDocuments, writeContentStore, type ExtraFile, type ExtraFiles, type WriteStoreOptions } from './store-writer'
export type { AuthorDocument, PageDocument, PostDocument } from './types'
