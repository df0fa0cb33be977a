/**
 * Content images: what pages, feeds and cards need to show them: the widths,
 * `sizes`, addresses and srcsets, and a post's hero. The variants themselves are
 * made by the content build (./build.ts) and served from the store (./server.ts).
 */
export {
  CONTENT_IMAGE_SIZES,
  FEED_IMAGE_WIDTH,
  IMAGE_WIDTHS,
  MODERN_FORMAT,
  type FallbackFormat,
  type ProcessedImage,
  type VariantFormat,
} from './config'
export { postHero, postHeroUrl, postImages, remoteHero } from './post'
export {
  defaultWidth,
  findVariant,
  imageKey,
  parseVariantFileName,
  responsiveImage,
  srcSet,
  variantFileName,
  variantUrl,
  type ImageBase,
  type ResponsiveImage,
  type VariantRequest,
} from './urls'
