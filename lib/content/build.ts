/**
 * The content build's face: Contentlayer's document types made from the kinds
 * (./schema.ts), splitting Contentlayer's output into the content store
 * (./store-writer.ts), and where a store's files are. contentlayer.config.ts
 * imports it (and tests that read a store they built); it runs in the
 * Contentlayer process, in plain Node, before any store exists.
 */
export { contentFilePath, contentlayerDocumentType, contentlayerFields, invalidContent, type SchemaOptions } from './schema'
export {
  documentParts,
  postImageMap,
  readGeneratedDocuments,
  writeContentStore,
  type ExtraFile,
  type ExtraFiles,
  type SiteData,
  type StoreDocuments,
  type WriteStoreOptions,
} from './store-writer'
export type { AuthorDocument, GeneratedDocument, PageDocument, PostDocument } from './types'
export { partPath, POINTER_FILE, storedImageHosts } from './store-layout'
export { checkComments, checkImageHosts, checkRedirects, ContentFieldError, type StoredComment } from './site-data'
