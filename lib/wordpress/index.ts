/**
 * WordPress (WXR) import: pure functions from export bytes to MDX files.
 * The CLI in scripts/import-wordpress.ts does the reading and writing.
 */
export { readExport, decodeXml, ExportInputError, type ExportDocument } from './input'
export {
  parseWxr,
  parseWxrExport,
  WxrParseError,
  type WxrAuthor,
  type WxrComment,
  type WxrExport,
  type WxrItem,
  type WxrSite,
  type WxrTerm,
} from './wxr'
export { asciiSlug, tagSlug } from './slugs'
export { htmlToMdx, htmlToText, decodeEntities, type ConversionOptions, type MdxConversion } from './html-to-mdx'
export { shortcodeAttributes } from './shortcodes'
export { hasBlocks } from './blocks'
export { autop } from './autop'
export { keepRemoteMedia, type Attachment, type MediaKind, type MediaResolver, type MediaTarget } from './context'
export { checkedBody, mdxProblem, type CheckedBody, type MdxProblem } from './validate'
export { approvedComments, sanitizeCommentHtml, type CommentsFile, type PostComment } from './comments'
export {
  convertItem,
  exportLookup,
  planImport,
  targetFor,
  type ContentKind,
  type ContentTarget,
  type ConvertedItem,
  type ExportLookup,
  type ImportOptions,
  type ImportPlan,
  type PublishState,
  type SkippedItem,
} from './convert'
// Bringing images home (the CLI's --media-dir and --download), through the converter's media seam.
export { oldSiteHosts, planImportWithImages, writePost, type ImagePlan, type ItemWithImages, type MediaOptions } from './import-media'
export { authorNicename, displayNameOf, planAuthors, type AuthorFile, type AuthorPlan } from './authors'
export { planRedirects, type Homeless, type RedirectEntry, type RedirectPlan, type RedirectsFile } from './redirects'
export { contentDirOf, planExport, type ExportPlan } from './plan'
