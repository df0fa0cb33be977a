/**
 * The build's face: checking a post's pictures and making their variants with
 * sharp. Plain Node (the Contentlayer build, the WordPress importer, the bench),
 * never a page: it loads sharp and the MDX parser.
 */
export { imageStoreDir, type ProcessedImage } from './config'
export { invalidateCacheWhenBundleFilesChange } from './contentlayer-cache'
export { forgetProcessedImages, processImage, variantWidths } from './generate'
export { collectPostImages, hostAllowed, ImageContentError, publicDirOf, type PostImages, type PostImagesInput } from './post-images'
export {
  findImageReferences,
  imagesWithoutAlt,
  resolveImageSource,
  TEXT_ALTERNATIVE_MISSING,
  type ImageReference,
  type ResolvedSource,
  type SourceDirs,
} from './references'
