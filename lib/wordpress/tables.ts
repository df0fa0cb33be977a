import type { Element } from 'hast'
import { defaultHandlers, type State } from 'hast-util-to-mdast'
import type { Html, Nodes as MdastNodes, Paragraph } from 'mdast'
import type { ConversionContext } from './context'
import { findElement, findElements } from './hast'
import { toJsx } from './jsx'

const BLOCK_IN_CELL = new Set(['div', 'ul', 'ol', 'table', 'pre', 'blockquote', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'dl'])

/** `<br>`s at either end of a cell are editor debris (`Cell #5<br>`); only inner ones are line breaks. */
function trimBreaks(cell: Element): Element {
  const children = [...cell.children]
  const isDebris = (index: number) => {
    const child = children[index]
    return (child.type === 'element' && child.tagName === 'br') || (child.type === 'text' && !child.value.trim())
  }
  while (children.length && isDebris(0)) children.shift()
  while (children.length && isDebris(children.length - 1)) children.pop()
  return { ...cell, children }
}

function span(cell: Element, name: 'colSpan' | 'rowSpan'): number {
  return Number(cell.properties[name] ?? 1)
}

/**
 * Whether a GFM table can say what this table says: a header row first, one
 * line of inline content per cell, and no merged cells. Otherwise the table
 * stays HTML (as JSX), which keeps lists, breaks, spans and a table without
 * headers as they were, instead of promoting its first row to headers.
 */
function fitsGfm(table: Element, rows: Element[]): boolean {
  if (findElement(table, 'table')) return false
  if (rows.length === 0) return false
  const cells = rows.flatMap((row) =>
    row.children.filter((cell): cell is Element => cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th')),
  )
  const firstRow = rows[0].children.filter((cell): cell is Element => cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th'))
  if (firstRow.length === 0 || !firstRow.every((cell) => cell.tagName === 'th')) return false
  return cells.every((cell) => {
    if (span(cell, 'colSpan') > 1 || span(cell, 'rowSpan') > 1) return false
    const trimmed = trimBreaks(cell)
    const paragraphs = findElements(trimmed, 'p').length
    return paragraphs <= 1 && !findElement(trimmed, (element) => BLOCK_IN_CELL.has(element.tagName) || element.tagName === 'br')
  })
}

function withoutCaption(table: Element): Element {
  return { ...table, children: table.children.filter((child) => !(child.type === 'element' && child.tagName === 'caption')) }
}

function trimmedRows(table: Element): Element {
  const trim = (node: Element): Element => ({
    ...node,
    children: node.children.map((child) =>
      child.type === 'element' ? (child.tagName === 'td' || child.tagName === 'th' ? trimBreaks(child) : trim(child)) : child,
    ),
  })
  return trim(table)
}

/**
 * A table and its caption (the block's `<figcaption>` or the table's own
 * `<caption>`): GFM with the caption as a paragraph after it, or JSX with the
 * caption in `<caption>` where screen readers announce it.
 */
export function tableToMdast(state: State, table: Element, context: ConversionContext, figcaption?: Element): MdastNodes[] {
  const caption = figcaption ?? table.children.find((child): child is Element => child.type === 'element' && child.tagName === 'caption')
  const rows = findElements(table, 'tr')
  if (fitsGfm(table, rows)) {
    const gfm = defaultHandlers.table(state, trimmedRows(withoutCaption(table))) as MdastNodes
    if (!caption) return [gfm]
    const captionParagraph: Paragraph = { type: 'paragraph', children: state.all(caption) as Paragraph['children'] }
    return [gfm, captionParagraph]
  }
  const mapSrc = (src: string) => context.media(src, 'image').src
  const body = withoutCaption(trimmedRows(table))
  const captionJsx = caption ? `<caption>${caption.children.map((child) => toJsx(child, mapSrc)).join('')}</caption>` : ''
  const inner = body.children.map((child) => toJsx(child, mapSrc, 'table')).join('')
  const html: Html = { type: 'html', value: `<table>${captionJsx}${inner}</table>` }
  return [html]
}
