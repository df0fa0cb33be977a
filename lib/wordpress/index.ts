/**
 * WordPress (WXR) import: pure functions from export text to MDX files.
 * The CLI in scripts/import-wordpress.ts does the reading and writing.
 */
export { parseWxr, WxrParseError, type WxrItem, type WxrTerm } from './wxr'
export { htmlToMdx, htmlToText, decodeEntities, shortcodeAttributes, type MdxConversion } from './html-to-mdx'
export { autop } from './autop'
export {
  asciiSlug,
  convertItem,
  planImport,
  type ConvertedItem,
  type ImportOptions,
  type ImportPlan,
  type PublishState,
  type SkippedItem,
} from './convert'
