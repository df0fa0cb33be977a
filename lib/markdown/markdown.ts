/**
 * What a post or page says, read from its Markdown syntax tree: the headings of
 * its table of contents, its plain text for search, and its reading time. One
 * parse gives all three, with the parser Contentlayer compiles with (MDX and
 * GFM), so an underlined heading, a heading inside a JSX element and a figure's
 * caption read as the page shows them.
 */
import type { Heading, Nodes } from 'mdast'
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx'
import { toString } from 'mdast-util-to-string'
import readingTime from 'reading-time'
import remarkGfm from 'remark-gfm'
import remarkMdx from 'remark-mdx'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { headingSlugger } from './slug'

export type TocHeading = { depth: 2 | 3; text: string; id: string }

export type MarkdownFacts = {
  /** h2 and h3, with the ids rehype-slug gives them. */
  headings: TocHeading[]
  /** Every word a reader sees, code included: what search indexes and quotes. */
  text: string
  /** Whole minutes, at least one; code blocks are not read at reading speed, so they do not count. */
  readingMinutes: number
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm)

/** JSX attributes whose text the reader sees, by component: a figure's caption is printed under it. */
const SHOWN_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = { Figure: ['caption'] }

/** Containers whose children are blocks, so their text is separated by a space (a paragraph's children run on). */
const BLOCK_CONTAINERS = new Set(['root', 'blockquote', 'list', 'listItem', 'table', 'tableRow', 'footnoteDefinition', 'mdxJsxFlowElement'])

function shownAttributes(element: MdxJsxFlowElement | MdxJsxTextElement): string[] {
  const names = (element.name && SHOWN_ATTRIBUTES[element.name]) || []
  return element.attributes.flatMap((attribute) =>
    attribute.type === 'mdxJsxAttribute' && names.includes(attribute.name) && typeof attribute.value === 'string' ? [attribute.value] : [],
  )
}

/** The words of a node as a reader meets them; `withCode` false leaves out fenced code. */
function textOf(node: Nodes, withCode: boolean): string {
  switch (node.type) {
    // Import and export statements and {expressions} are code the page runs, not words it shows.
    case 'mdxjsEsm':
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return ''
    case 'code':
      return withCode ? node.value : ''
    case 'text':
    case 'inlineCode':
      return node.value
    case 'image':
      return node.alt ?? ''
    case 'break':
      return ' '
  }
  if (!('children' in node)) return ''
  const parts = (node.children as Nodes[]).map((child) => textOf(child, withCode))
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') parts.unshift(...shownAttributes(node))
  return parts.join(BLOCK_CONTAINERS.has(node.type) ? ' ' : '')
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim()

function readTree(markdown: string): MarkdownFacts {
  const tree = parser.parse(markdown)
  // Every heading takes a slug in document order, as rehype-slug gives them, though only h2 and h3 are listed.
  const slugger = headingSlugger()
  const headings: TocHeading[] = []
  visit(tree, 'heading', (heading: Heading) => {
    const text = collapse(toString(heading))
    const id = slugger.slug(text)
    if (heading.depth === 2 || heading.depth === 3) headings.push({ depth: heading.depth, text, id })
  })
  const prose = collapse(textOf(tree, false))
  return { headings, text: collapse(textOf(tree, true)), readingMinutes: Math.max(1, Math.ceil(readingTime(prose).minutes)) }
}

/**
 * The last few documents read, so the content build's separate fields of one
 * document (its headings and its reading time) share one parse.
 */
const recent = new Map<string, MarkdownFacts>()
const RECENT_LIMIT = 16

/** Headings, text and reading time, from one parse of the Markdown. */
export function readMarkdown(markdown: string): MarkdownFacts {
  let facts = recent.get(markdown)
  if (!facts) {
    facts = readTree(markdown)
    if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value!)
    recent.set(markdown, facts)
  }
  return facts
}

/** h2 and h3 headings with the same ids rehype-slug gives them. */
export function extractHeadings(markdown: string): TocHeading[] {
  return readMarkdown(markdown).headings
}

export function readingMinutes(markdown: string): number {
  return readMarkdown(markdown).readingMinutes
}

/** Markdown to plain text, for search and summaries. */
export function plainText(markdown: string): string {
  return readMarkdown(markdown).text
}
