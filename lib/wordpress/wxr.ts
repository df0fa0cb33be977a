import { XMLParser, XMLValidator } from 'fast-xml-parser'

/** A term attached to an item: `<category domain="post_tag" nicename="x">Name</category>`. */
export type WxrTerm = { domain: string; nicename: string; name: string }

/** One `<wp:comment>`, all as raw strings. */
export type WxrComment = {
  id: string
  parent: string
  author: string
  authorEmail: string
  authorUrl: string
  date: string
  dateGmt: string
  /** HTML, as WordPress stored it (no `<p>` tags; WordPress adds them on display). */
  content: string
  /** `1` approved, `0` awaiting moderation, `spam`, `trash`. */
  approved: string
  /** Empty or `comment` for comments; `pingback`, `trackback`. */
  type: string
}

/** The fields of one WXR `<item>` that the importer uses, all as raw strings. */
export type WxrItem = {
  id: string
  title: string
  link: string
  creator: string
  /** `content:encoded`: WordPress "autop" HTML, or block-editor markup with `<!-- wp:… -->` comments. */
  content: string
  excerpt: string
  postDate: string
  postDateGmt: string
  modified: string
  modifiedGmt: string
  postName: string
  status: string
  postType: string
  password: string
  parent: string
  /** Only on attachments: the file's address on the old site. */
  attachmentUrl: string
  terms: WxrTerm[]
  /** `open` or `closed` (`wp:comment_status`): whether readers could still comment. */
  commentStatus: string
  /** `wp:postmeta` key → value (the last one wins when a key repeats). */
  meta: Record<string, string>
  comments: WxrComment[]
}

/** One `<wp:author>` of the channel. Its email stays in the export: it is personal data the site never shows. */
export type WxrAuthor = { id: string; login: string; displayName: string; firstName: string; lastName: string }

/** What the channel says about the old site. */
export type WxrSite = {
  title: string
  /** The blog's address (`wp:base_blog_url`, else the channel's `<link>`): where its permalinks start. */
  blogUrl: string
  /** Where WordPress itself was installed (`wp:base_site_url`), which can be a folder below the blog's host. */
  siteUrl: string
}

/** An export: the old site, its authors and its items. */
/** A category as the channel lists it (`<wp:category>`): its term id (`?cat=`), slug, and its parent's slug. */
export type WxrCategory = { id: string; nicename: string; parent: string }

export type WxrExport = { site: WxrSite; authors: WxrAuthor[]; categories: WxrCategory[]; items: WxrItem[] }

export class WxrParseError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message)
    this.name = 'WxrParseError'
  }
}

type XmlNode = Record<string, unknown>

/** fast-xml-parser gives text as a string, or as `#text` when the element has attributes. */
function text(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return text(value[0])
  if (typeof value === 'object') return text((value as XmlNode)['#text'])
  return ''
}

function list(value: unknown): XmlNode[] {
  if (value === undefined || value === null || value === '') return []
  return (Array.isArray(value) ? value : [value]).filter((entry): entry is XmlNode => typeof entry === 'object' && entry !== null)
}

function toTerm(value: unknown): WxrTerm {
  const node = (typeof value === 'object' && value !== null ? value : { '#text': value }) as XmlNode
  return { domain: text(node.domain), nicename: text(node.nicename), name: text(node['#text']).trim() }
}

function toComment(node: XmlNode): WxrComment {
  const field = (name: string) => text(node[`wp:comment_${name}`])
  return {
    id: field('id').trim(),
    parent: field('parent').trim(),
    author: field('author').trim(),
    authorEmail: field('author_email').trim(),
    authorUrl: field('author_url').trim(),
    date: field('date').trim(),
    dateGmt: field('date_gmt').trim(),
    content: field('content'),
    approved: field('approved').trim(),
    type: field('type').trim(),
  }
}

function toItem(node: XmlNode): WxrItem {
  const field = (name: string) => text(node[name])
  const meta: Record<string, string> = {}
  for (const entry of list(node['wp:postmeta'])) meta[text(entry['wp:meta_key']).trim()] = text(entry['wp:meta_value'])
  return {
    id: field('wp:post_id').trim(),
    title: field('title').trim(),
    link: field('link').trim(),
    creator: field('dc:creator').trim(),
    content: field('content:encoded'),
    excerpt: field('excerpt:encoded'),
    postDate: field('wp:post_date').trim(),
    postDateGmt: field('wp:post_date_gmt').trim(),
    modified: field('wp:post_modified').trim(),
    modifiedGmt: field('wp:post_modified_gmt').trim(),
    postName: field('wp:post_name').trim(),
    status: field('wp:status').trim(),
    postType: field('wp:post_type').trim(),
    password: field('wp:post_password'),
    parent: field('wp:post_parent').trim(),
    attachmentUrl: field('wp:attachment_url').trim(),
    terms: ((node.category as unknown[] | undefined) ?? []).map(toTerm),
    commentStatus: field('wp:comment_status').trim(),
    meta,
    comments: list(node['wp:comment']).map(toComment),
  }
}

const EXPORT_HINT =
  'In WordPress, use Tools → Export → All content; on WordPress.com, Tools → Export → Export all (a .zip the importer reads as it is).'

/** Says what a well-formed XML document that is not WXR is, so the message can name it. */
function notWxr(document: XmlNode): string | undefined {
  const root = Object.keys(document).find((key) => !key.startsWith('?'))
  if (root === 'feed')
    return `it is an Atom feed, not a WordPress export: a feed holds only the latest posts, without their drafts, pages, dates or tags. ${EXPORT_HINT}`
  if (root === 'rdf:RDF') return `it is an RSS 1.0 feed, not a WordPress export. ${EXPORT_HINT}`
  if (root !== 'rss') return `it is XML, but not a WordPress export (its root element is <${root ?? 'none'}>, not <rss>). ${EXPORT_HINT}`
  const channel = (document.rss as XmlNode | undefined)?.channel as XmlNode | undefined
  if (!channel || typeof channel !== 'object') return `it has no <channel> element, so it is not a WordPress export. ${EXPORT_HINT}`
  const items = list(channel.item)
  const isWxr =
    channel['wp:wxr_version'] !== undefined || channel['wp:base_site_url'] !== undefined || items.some((item) => item['wp:post_type'] !== undefined)
  if (!isWxr) {
    return `it is an RSS feed (no <wp:wxr_version> and no <wp:post_type> in its ${items.length} item(s)), not a WordPress export (WXR). A feed holds only the latest posts' text. ${EXPORT_HINT}`
  }
  return undefined
}

function malformed(xml: string, error: { msg: string; line: number; col: number }): WxrParseError {
  const where = `line ${error.line}, column ${error.col}`
  // A download cut short ends mid-element; say so rather than only naming the element.
  if (!/<\/(rss|feed|rdf:RDF)>\s*$/.test(xml.slice(-200))) {
    return new WxrParseError(
      `Malformed XML at ${where}: ${error.msg}. The file ends before its closing </rss> tag, so it looks truncated: ` +
        'the export or the download was cut short. Export again and check the file ends with </rss>.',
      error.line,
      error.col,
    )
  }
  return new WxrParseError(`Malformed XML at ${where}: ${error.msg}`, error.line, error.col)
}

function toAuthor(node: XmlNode): WxrAuthor {
  const field = (name: string) => text(node[`wp:author_${name}`]).trim()
  return {
    id: field('id'),
    login: field('login'),
    displayName: field('display_name'),
    firstName: field('first_name'),
    lastName: field('last_name'),
  }
}

function toCategory(node: XmlNode): WxrCategory {
  const field = (name: string) => text(node[`wp:${name}`]).trim()
  return { id: field('term_id'), nicename: field('category_nicename'), parent: field('category_parent') }
}

/**
 * Parses a WordPress eXtended RSS export (WXR 1.0–1.2). Validates first,
 * because the parser itself is lenient and would silently drop a truncated
 * item; refuses feeds and other XML with a message saying what they are.
 */
export function parseWxrExport(xml: string): WxrExport {
  const validation = XMLValidator.validate(xml)
  if (validation !== true) {
    // A feed is named as one even when its HTML is not well-formed XML, as Medium's CDATA often is not.
    if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<rss\b/.test(xml) && !/xmlns:wp=|<wp:(wxr_version|post_type)\b/.test(xml)) {
      throw new WxrParseError(
        `Not a WordPress export: it is an RSS feed (no <wp:wxr_version> and no <wp:post_type>), not a WordPress export (WXR). A feed holds only the latest posts' text. ${EXPORT_HINT}`,
      )
    }
    throw malformed(xml, validation.err)
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    // Keep "0123" slugs and "2014" titles as text.
    parseTagValue: false,
    parseAttributeValue: false,
    htmlEntities: true,
    isArray: (name) => ['item', 'category', 'wp:category', 'wp:postmeta', 'wp:comment', 'wp:author'].includes(name),
  })
  const document = parser.parse(xml) as XmlNode
  const problem = notWxr(document)
  if (problem) throw new WxrParseError(`Not a WordPress export: ${problem}`)
  const channel = (document.rss as XmlNode).channel as XmlNode
  const link = text(channel.link).trim()
  const blogUrl = text(channel['wp:base_blog_url']).trim() || link
  return {
    site: { title: text(channel.title).trim(), blogUrl, siteUrl: text(channel['wp:base_site_url']).trim() || blogUrl },
    authors: list(channel['wp:author']).map(toAuthor),
    categories: list(channel['wp:category']).map(toCategory),
    items: list(channel.item).map(toItem),
  }
}

/** The items of an export (see parseWxrExport). */
export function parseWxr(xml: string): WxrItem[] {
  return parseWxrExport(xml).items
}
