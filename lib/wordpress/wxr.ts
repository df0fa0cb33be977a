import { XMLParser, XMLValidator } from 'fast-xml-parser'

/** A term attached to an item: `<category domain="post_tag" nicename="x">Name</category>`. */
export type WxrTerm = { domain: string; nicename: string; name: string }

/** The fields of one WXR `<item>` that the importer uses, all as raw strings. */
export type WxrItem = {
  id: string
  title: string
  link: string
  creator: string
  /** `content:encoded`: WordPress "autop" HTML, paragraphs separated by blank lines. */
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
  terms: WxrTerm[]
}

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

function toTerm(value: unknown): WxrTerm {
  const node = (typeof value === 'object' && value !== null ? value : { '#text': value }) as XmlNode
  return { domain: text(node.domain), nicename: text(node.nicename), name: text(node['#text']).trim() }
}

function toItem(node: XmlNode): WxrItem {
  const field = (name: string) => text(node[name])
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
    terms: ((node.category as unknown[] | undefined) ?? []).map(toTerm),
  }
}

/**
 * Parses a WordPress eXtended RSS export. Validates first, because the parser
 * itself is lenient and would silently drop a truncated item.
 */
export function parseWxr(xml: string): WxrItem[] {
  const validation = XMLValidator.validate(xml)
  if (validation !== true) {
    const { msg, line, col } = validation.err
    throw new WxrParseError(`Malformed XML at line ${line}, column ${col}: ${msg}`, line, col)
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    // Keep "0123" slugs and "2014" titles as text.
    parseTagValue: false,
    parseAttributeValue: false,
    htmlEntities: true,
    isArray: (name) => name === 'item' || name === 'category',
  })
  const document = parser.parse(xml) as XmlNode
  const channel = (document.rss as XmlNode | undefined)?.channel as XmlNode | undefined
  if (!channel) {
    throw new WxrParseError('Not a WordPress export: no <rss><channel> element')
  }
  const items = (channel.item as XmlNode[] | undefined) ?? []
  return items.map(toItem)
}
