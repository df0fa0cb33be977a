/**
 * A comment's HTML, made safe twice over: a reader's plain text becomes paragraphs
 * and links (nothing they type is ever markup), and imported HTML is sanitised
 * again every time it is shown, since content files are not trusted.
 */
import type { Element, ElementContent, Root } from 'hast'
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize'
import { toHtml } from 'hast-util-to-html'
import LinkifyIt from 'linkify-it'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'

const linkify = new LinkifyIt()

/** Newlines as the textarea sends them (\r\n) read as one. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}

/** The links a comment's text would get. */
export function countLinks(text: string): number {
  return linkify.match(text)?.length ?? 0
}

const LINK_REL = 'nofollow ugc'
const LINK_PROTOCOLS = ['http', 'https', 'mailto']

function link(href: string, text: string): Element {
  return { type: 'element', tagName: 'a', properties: { href, rel: LINK_REL.split(' ') }, children: [{ type: 'text', value: text }] }
}

/** One line of text: the words as text nodes, each address a link. */
function lineChildren(line: string): ElementContent[] {
  const children: ElementContent[] = []
  let at = 0
  for (const match of linkify.match(line) ?? []) {
    if (match.index > at) children.push({ type: 'text', value: line.slice(at, match.index) })
    children.push(link(match.url, match.text))
    at = match.lastIndex
  }
  if (at < line.length) children.push({ type: 'text', value: line.slice(at) })
  return children
}

/** A reader's text as HTML: a paragraph per blank-line-separated block, line breaks kept, addresses linked. */
export function textToHtml(text: string): string {
  const paragraphs = normalizeNewlines(text)
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
  const root: Root = {
    type: 'root',
    children: paragraphs.map((block) => ({
      type: 'element',
      tagName: 'p',
      properties: {},
      children: block
        .split('\n')
        .flatMap((line, index) => [
          ...(index > 0 ? [{ type: 'element', tagName: 'br', properties: {}, children: [] } as Element] : []),
          ...lineChildren(line),
        ]),
    })),
  }
  return toHtml(root)
}

/** What an imported comment may keep: the agreed list, links to http(s) and mailto only. */
const IMPORTED_SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: ['p', 'br', 'a', 'em', 'strong', 'i', 'b', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li'],
  attributes: { a: ['href'] },
  protocols: { href: LINK_PROTOCOLS },
  clobber: [],
  required: {},
  strip: ['script', 'style', 'template', 'noscript', 'iframe', 'object'],
}

const parser = unified().use(rehypeParse, { fragment: true })

/** Every link marked nofollow ugc; a link the sanitiser left without an address (javascript:, data:) becomes its text. */
function relOnLinks(node: Root | ElementContent): void {
  if (!('children' in node)) return
  node.children = node.children.flatMap((child) => {
    if (child.type !== 'element' || child.tagName !== 'a') return [child]
    if (child.properties?.href === undefined) return child.children
    child.properties = { ...child.properties, rel: LINK_REL.split(' ') }
    return [child]
  }) as typeof node.children
  for (const child of node.children) relOnLinks(child as ElementContent)
}

/** Imported HTML with only the agreed elements left, every link marked nofollow ugc. */
export function sanitizeCommentHtml(html: string): string {
  const tree = sanitize(parser.parse(html), IMPORTED_SCHEMA) as Root
  relOnLinks(tree)
  return toHtml(tree)
}
