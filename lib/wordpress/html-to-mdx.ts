import type { Element, ElementContent, Root as HastRoot } from 'hast'
import type { Html, Link, Nodes as MdastNodes } from 'mdast'
import rehypeParse from 'rehype-parse'
import rehypeRemark from 'rehype-remark'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import { unified, type Processor } from 'unified'
import { autop } from './autop'

export type MdxConversion = { mdx: string; warnings: string[] }

/** WordPress core and common plugin shortcodes; other bracketed words ("[sic]") are prose. */
const KNOWN_SHORTCODES = new Set([
  'audio', 'video', 'playlist', 'gallery', 'embed', 'caption', 'wp_caption',
  'youtube', 'vimeo', 'soundcloud', 'tweet', 'twitter', 'instagram', 'googlemaps',
  'gist', 'code', 'sourcecode', 'contact-form', 'contact-form-7', 'wpforms', 'slideshow',
])

/** Parses `a="x" b='y' c=z` shortcode attributes. */
export function shortcodeAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {}
  const pattern = /([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))/g
  for (const match of source.matchAll(pattern)) {
    attributes[match[1].toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? ''
  }
  return attributes
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}

/** YouTube's iframe address is not a page a reader can open; its watch URL is. */
function readableVideoUrl(url: string): string {
  const embed = /^(?:https?:)?\/\/(?:www\.)?youtube(?:-nocookie)?\.com\/embed\/([\w-]+)/.exec(url)
  return embed ? `https://www.youtube.com/watch?v=${embed[1]}` : url
}

/**
 * Rewrites shortcodes before the HTML parser sees them: captions become
 * <figure> (turned into the site's <Figure> later), embeds become links and
 * the rest stay as text with a warning, since their output lived in plugins.
 */
function replaceShortcodes(html: string, warnings: string[]): string {
  let text = html.replace(/\[(caption|wp_caption)\b([^\]]*)\]([\s\S]*?)\[\/\1\]/gi, (_, _name, attrs: string, inner: string) => {
    // Shortcode attributes are stored HTML-encoded.
    const caption = decodeEntities(shortcodeAttributes(attrs).caption ?? '')
    return `<figure data-wp-caption="${escapeAttribute(caption)}">${inner}</figure>`
  })

  text = text.replace(/\[embed\b[^\]]*\]\s*([\s\S]*?)\s*\[\/embed\]/gi, (_, url: string) => {
    warnings.push(`[embed] shortcode replaced by a link to ${url}`)
    return `<a href="${escapeAttribute(url)}">${url}</a>`
  })

  const seen = new Set<string>()
  for (const match of text.matchAll(/\[(\/?)([a-zA-Z][\w-]*)((?:\s[^\]]*)?)\]/g)) {
    const name = match[2].toLowerCase()
    const closed = new RegExp(`\\[/${match[2]}\\]`, 'i').test(text)
    const isShortcode = KNOWN_SHORTCODES.has(name) || match[3].includes('=') || (!match[1] && closed)
    if (isShortcode && !seen.has(name)) {
      seen.add(name)
      warnings.push(`[${name}] shortcode kept as text; its output is not imported`)
    }
  }

  // WordPress turns a URL alone on its line into an embed (oEmbed).
  return text.replace(/^[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*$/gm, (_, url: string) => `<a href="${escapeAttribute(url)}">${url}</a>`)
}

function textOf(node: ElementContent | HastRoot): string {
  if (node.type === 'text') return node.value
  if (node.type === 'element' || node.type === 'root') return node.children.map((child) => textOf(child as ElementContent)).join('')
  return ''
}

function findElement(node: Element | HastRoot, tagName: string): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    if (child.tagName === tagName) return child
    const found = findElement(child, tagName)
    if (found) return found
  }
  return undefined
}

/**
 * The caption is the shortcode's text without the image. A link around the
 * image points at the full-size file; a link in the text credits the source.
 */
function captionParts(figure: Element): { text: string; credit?: string } {
  let text = ''
  let credit: string | undefined
  const walk = (node: Element) => {
    for (const child of node.children) {
      if (child.type === 'text') text += child.value
      if (child.type !== 'element' || child.tagName === 'img') continue
      const href = child.properties.href
      if (child.tagName === 'a' && !findElement(child, 'img') && credit === undefined && typeof href === 'string') credit = href
      walk(child)
    }
  }
  walk(figure)
  return { text: text.replace(/\s+/g, ' ').trim(), credit }
}

/** A JSX string attribute, or an expression when the value has characters a JSX string cannot hold as written. */
function jsxAttribute(name: string, value: string): string {
  return /["&\\{}<>\n]/.test(value) ? `${name}={${JSON.stringify(value)}}` : `${name}="${value}"`
}

function figureHandler(_state: unknown, node: Element): Html {
  const img = findElement(node, 'img')
  const parts = captionParts(node)
  const fromAttribute = String(node.properties.dataWpCaption ?? '').replace(/\s+/g, ' ').trim()
  const caption = parts.text || fromAttribute || String(img?.properties.alt ?? '').trim() || 'Image'
  const attributes = [jsxAttribute('caption', caption)]
  if (parts.credit) attributes.push(jsxAttribute('credit', parts.credit))
  if (typeof img?.properties.src === 'string') attributes.push(jsxAttribute('src', img.properties.src))
  if (typeof img?.properties.alt === 'string' && img.properties.alt.trim()) attributes.push(jsxAttribute('alt', img.properties.alt.trim()))
  return { type: 'html', value: `<Figure ${attributes.join(' ')} />` }
}

function iframeHandler(_state: unknown, node: Element): Link | undefined {
  const source = typeof node.properties.src === 'string' ? node.properties.src : ''
  if (!source) return undefined
  const url = readableVideoUrl(source.startsWith('//') ? `https:${source}` : source)
  const title = typeof node.properties.title === 'string' && node.properties.title.trim() ? node.properties.title.trim() : url
  return { type: 'link', url, title: null, children: [{ type: 'text', value: title }] }
}

/**
 * MDX reads `{`, `}` and `<` in text as JavaScript or JSX; plain markdown does
 * not escape them, so tell the serializer they are unsafe too.
 */
function remarkMdxSafeText(this: Processor) {
  const data = this.data()
  const constructs: Array<'phrasing' | 'label' | 'tableCell'> = ['phrasing', 'label', 'tableCell']
  const extensions = (data.toMarkdownExtensions ??= [])
  extensions.push({
    unsafe: ['{', '}', '<'].flatMap((character) => [
      { character, inConstruct: constructs },
      { character, atBreak: true },
    ]),
  })
}

const processor = unified()
  .use(rehypeParse, { fragment: true })
  .use(rehypeRemark, {
    // <q> is rendered with curly quotes on the old site; straight ones would change the text.
    quotes: ['“”', '‘’'],
    handlers: {
      figure: figureHandler as never,
      iframe: iframeHandler as never,
    },
  })
  .use(remarkGfm)
  .use(remarkMdxSafeText)
  .use(remarkStringify, {
    bullet: '-',
    emphasis: '*',
    strong: '*',
    fences: true,
    rule: '-',
    // MDX has no <https://…> autolinks: `<` starts JSX.
    resourceLink: true,
  })

/** Converts one WordPress body (autop HTML with shortcodes) to MDX. */
export function htmlToMdx(html: string): MdxConversion {
  const warnings: string[] = []
  const withoutMarkers = html.replace(/<!--\s*(?:more|nextpage|noteaser)\b[\s\S]*?-->/gi, '')
  const prepared = autop(replaceShortcodes(withoutMarkers, warnings))
  const tree = processor.runSync(processor.parse(prepared)) as MdastNodes
  const mdx = processor.stringify(tree as never).trim()
  return { mdx: mdx ? `${mdx}\n` : '', warnings }
}

const fragmentParser = unified().use(rehypeParse, { fragment: true })

/** Plain text of an HTML fragment with entities decoded, for excerpts. */
export function htmlToText(html: string): string {
  return textOf(fragmentParser.parse(html) as HastRoot).replace(/\s+/g, ' ').trim()
}

/**
 * Decodes HTML entities left in text fields: exports often double-encode
 * titles (`&amp;#8217;`), so one XML decoding still leaves `&#8217;`.
 */
export function decodeEntities(text: string): string {
  return htmlToText(text.replace(/</g, '&lt;'))
}
