import type { Element, ElementContent } from 'hast'

/** A JSX string attribute, or an expression when the value has characters a JSX string cannot hold as written. */
export function jsxAttribute(name: string, value: string): string {
  return /["&\\{}<>\n]/.test(value) ? `${name}={${JSON.stringify(value)}}` : `${name}="${value}"`
}

/** Elements kept when HTML has to stay HTML in MDX (a table whose cells hold lists), with the attributes that carry meaning. */
const KEPT: Record<string, { as?: string; attributes: string[] }> = {
  table: { attributes: [] },
  caption: { attributes: [] },
  thead: { attributes: [] },
  tbody: { attributes: [] },
  tfoot: { attributes: [] },
  tr: { attributes: [] },
  th: { attributes: ['colSpan', 'rowSpan', 'scope', 'abbr'] },
  td: { attributes: ['colSpan', 'rowSpan'] },
  p: { attributes: [] },
  br: { attributes: [] },
  ul: { attributes: [] },
  ol: { attributes: ['start', 'reversed'] },
  li: { attributes: [] },
  a: { attributes: ['href', 'title'] },
  strong: { attributes: [] },
  b: { as: 'strong', attributes: [] },
  em: { attributes: [] },
  i: { as: 'em', attributes: [] },
  code: { attributes: [] },
  kbd: { attributes: [] },
  sup: { attributes: [] },
  sub: { attributes: [] },
  mark: { attributes: [] },
  abbr: { attributes: ['title'] },
  del: { attributes: [] },
  s: { as: 'del', attributes: [] },
  img: { attributes: ['src', 'alt'] },
  pre: { attributes: [] },
  blockquote: { attributes: [] },
  h2: { attributes: [] },
  h3: { attributes: [] },
  h4: { attributes: [] },
  h5: { attributes: [] },
  h6: { attributes: [] },
}

const VOID = new Set(['br', 'img'])
/** Inside these, white space between elements is formatting; React warns about text nodes there. */
const NO_TEXT = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'ul', 'ol'])
const DROPPED = new Set(['script', 'style', 'template'])

function attributeValue(value: unknown): string | undefined {
  if (value === undefined || value === null || value === false) return undefined
  if (value === true) return '{true}'
  if (typeof value === 'number') return `{${value}}`
  const text = Array.isArray(value) ? value.join(' ') : String(value)
  return `{${JSON.stringify(text)}}`
}

/**
 * Writes HTML as MDX-safe JSX on one line: known elements with their
 * meaningful attributes, other elements replaced by their content, and every
 * text as a JavaScript string so `{`, `<` and `*` mean nothing to MDX.
 * `src` passes through `mapSrc`, so images can be pointed at local copies.
 */
export function toJsx(node: ElementContent, mapSrc: (src: string) => string = (src) => src, parent?: string): string {
  if (node.type === 'text') {
    if (parent && NO_TEXT.has(parent) && !node.value.trim()) return ''
    return node.value ? `{${JSON.stringify(node.value)}}` : ''
  }
  if (node.type !== 'element') return ''
  return elementToJsx(node, mapSrc)
}

function elementToJsx(node: Element, mapSrc: (src: string) => string): string {
  if (DROPPED.has(node.tagName)) return ''
  const kept = KEPT[node.tagName]
  const children = () => node.children.map((child) => toJsx(child, mapSrc, node.tagName)).join('')
  if (!kept) return children()
  const name = kept.as ?? node.tagName
  const attributes = kept.attributes
    .map((attribute) => {
      let value = node.properties[attribute]
      if (attribute === 'src' && typeof value === 'string') value = mapSrc(value)
      const written = attributeValue(value)
      return written === undefined ? '' : ` ${attribute}=${written}`
    })
    .join('')
  // An image with no alt at all is announced by its file name; WordPress's own default was empty.
  const alt = name === 'img' && typeof node.properties.alt !== 'string' ? ' alt=""' : ''
  if (VOID.has(name)) return `<${name}${attributes}${alt} />`
  return `<${name}${attributes}>${children()}</${name}>`
}
