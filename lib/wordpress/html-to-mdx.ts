import type { Comment, Element, ElementContent, Root as HastRoot } from 'hast'
import { defaultHandlers, toMdast, type Handle, type NodeHandle, type State } from 'hast-util-to-mdast'
import type {
  Blockquote,
  Break,
  Html,
  InlineCode,
  Nodes as MdastNodes,
  Paragraph,
  PhrasingContent,
  Root as MdastRoot,
  RootContent,
  Text,
} from 'mdast'
import rehypeParse from 'rehype-parse'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import { unified, type Processor } from 'unified'
import { BLOCK_ELEMENT, blocksToHtml } from './blocks'
import { extractRawCode, preText, preToCode } from './code'
import { keepRemoteMedia, type ConversionContext } from './context'
import { classesOf, findElement, findElements, hasClass, stringProperty, textOf } from './hast'
import { jsxAttribute } from './jsx'
import {
  embedToMdast,
  fileToMdast,
  galleryToMdast,
  imageFigure,
  imageToMdast,
  mediaToMdast,
  ownCaption,
  embedLink,
  objectToMdast,
  type BlockAttributes,
} from './media'
import { Notes } from './notes'
import { tableToMdast } from './tables'

export type MdxConversion = {
  mdx: string
  /** What was dropped or changed, for the report. */
  warnings: string[]
  /** The body's paragraphs as plain text, for a summary. */
  paragraphs: string[]
}

export type ConversionOptions = Partial<Omit<ConversionContext, 'notes' | 'code'>>

function flow(state: State, node: Element): MdastNodes[] {
  return state.toFlow(state.all(node) as RootContent[]) as MdastNodes[]
}

function paragraph(children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children }
}

/** A quote's `<cite>` becomes a last line "— Name", as themes showed it. */
function blockquote(state: State, node: Element): Blockquote {
  const citations = findElements(node, 'cite').filter((cite) => node.children.includes(cite) || hasClass(node, 'wp-block-pullquote'))
  const body = { ...node, children: node.children.filter((child) => !(child.type === 'element' && citations.includes(child))) }
  const children = flow(state, body)
  for (const cite of citations) {
    const words = state.all(cite) as PhrasingContent[]
    if (textOf(cite).trim()) children.push(paragraph([{ type: 'text', value: '— ' }, ...words]))
  }
  return { type: 'blockquote', children: children as Blockquote['children'] }
}

/** Verse keeps its lines and indentation, as prose: a line break per line, indents as no-break spaces. */
function verse(pre: Element): MdastNodes[] {
  return preText(pre)
    .replace(/\s+$/, '')
    .split(/\n[ \t]*\n/)
    .filter((stanza) => stanza.trim())
    .map((stanza) => {
      const children: PhrasingContent[] = []
      stanza.split('\n').forEach((line, index) => {
        if (index > 0) children.push({ type: 'break' } satisfies Break)
        const indented = line.replace(/\s+$/, '').replace(/^[ \t]+/, (indent) => '\u00a0'.repeat(indent.replace(/\t/g, '    ').length))
        children.push({ type: 'text', value: indented } satisfies Text)
      })
      return paragraph(children)
    })
}

const INLINE_CODE = new Set(['code', 'kbd', 'samp', 'tt'])

function isBlank(node: ElementContent): boolean {
  return node.type === 'comment' || (node.type === 'text' && !node.value.trim())
}

/**
 * Inline code as readers saw it. Two code elements side by side
 * (`<code>npm</code><code> install</code>`) are one span, and a paragraph that
 * is only code broken by `<br>` (autop's doing, or the author's) is a code
 * block, so a copied command keeps its lines.
 */
function tidyCode(parent: HastRoot | Element): void {
  const merged: ElementContent[] = []
  for (const child of parent.children as ElementContent[]) {
    const previous = merged[merged.length - 1]
    if (child.type === 'element' && previous?.type === 'element' && INLINE_CODE.has(child.tagName) && previous.tagName === child.tagName) {
      merged[merged.length - 1] = { ...previous, children: [...previous.children, ...child.children] }
      continue
    }
    merged.push(child)
  }
  parent.children = merged as typeof parent.children
  for (const [index, child] of merged.entries()) {
    if (child.type !== 'element' || child.tagName === 'pre') continue
    const content = child.children.filter((node) => !isBlank(node))
    const only = content.length === 1 ? content[0] : undefined
    if (child.tagName === 'p' && only?.type === 'element' && INLINE_CODE.has(only.tagName) && findElement(only, 'br')) {
      merged[index] = { type: 'element', tagName: 'pre', properties: {}, children: [{ ...only, tagName: 'code' }] }
      continue
    }
    tidyCode(child)
  }
}

/** Inline code with line breaks: one span per line, with a hard break between them. */
function inlineCodeLines(node: Element): PhrasingContent[] {
  const lines = preText(node).split('\n')
  return lines.flatMap((line, index): PhrasingContent[] => [
    ...(index > 0 ? [{ type: 'break' } satisfies Break] : []),
    ...(line ? [{ type: 'inlineCode', value: line } satisfies InlineCode] : []),
  ])
}

/** Inline elements MDX keeps as JSX: `mc<sup>2</sup>`, `H<sub>2</sub>O`. */
function inlineJsx(tagName: string, attributes: (node: Element) => string = () => ''): Handle {
  return (state, node) => {
    const open: Html = { type: 'html', value: `<${tagName}${attributes(node)}>` }
    const close: Html = { type: 'html', value: `</${tagName}>` }
    return [open, ...(state.all(node) as MdastNodes[]), close]
  }
}

/** Theme and query blocks: WordPress drew them from the database when the page was shown; the post holds only a placeholder. */
const GENERATED_BLOCK =
  /^core\/(query|post-|comment|comments|navigation|site-|loginout|avatar|read-more|term-description|archives|calendar|categories|latest-|page-list|rss|search|tag-cloud|home-link|template-part|pattern|widget|legacy-widget|table-of-contents)/

function blockLabel(name: string): string {
  return `wp:${name.replace(/^core\//, '')}`
}

function parseAttributes(node: Element): BlockAttributes {
  try {
    const value = JSON.parse(String(node.properties.dataAttrs ?? '{}')) as unknown
    return value && typeof value === 'object' ? (value as BlockAttributes) : {}
  } catch {
    return {}
  }
}

/** What a `<figure>` is, by its `wp-block-*` class (or the block that wrote it), then by what it holds. */
function figureKind(figure: Element): string {
  const classes = classesOf(figure)
  const known = ['table', 'pullquote', 'gallery', 'audio', 'video', 'image'].find((kind) => classes.includes(`wp-block-${kind}`))
  if (known) return known
  if (classes.some((name) => name.startsWith('wp-block-embed'))) return 'embed'
  for (const kind of ['table', 'audio', 'video', 'iframe']) if (findElement(figure, kind)) return kind === 'iframe' ? 'embed' : kind
  if (findElements(figure, 'img').length > 1) return 'gallery'
  if (findElement(figure, 'img')) return 'image'
  if (findElement(figure, 'blockquote')) return 'pullquote'
  return 'content'
}

function createHandlers(context: ConversionContext): { handlers: Record<string, Handle>; nodeHandlers: Record<string, NodeHandle> } {
  const { notes } = context

  const figure = (state: State, node: Element, kind: string, attributes: BlockAttributes): MdastNodes[] => {
    const element = node.tagName === 'figure' ? node : (findElement(node, 'figure') ?? node)
    switch (kind) {
      case 'table': {
        const table = findElement(element, 'table')
        return table ? tableToMdast(state, table, context, ownCaption(element)) : flow(state, element)
      }
      case 'pullquote': {
        const quote = findElement(element, 'blockquote')
        return [blockquote(state, quote ? { ...quote, properties: { ...quote.properties, className: ['wp-block-pullquote'] } } : element)]
      }
      case 'gallery':
        return galleryToMdast(state, element, context)
      case 'embed':
        return embedToMdast(element, attributes, context)
      case 'audio':
      case 'video':
        return mediaToMdast(kind, element, attributes, context)
      case 'image': {
        const image = imageFigure(element, context)
        return image.length ? image : flow(state, element)
      }
      default:
        return flow(state, element)
    }
  }

  const block: Handle = (state, node) => {
    const name = String(node.properties.dataName ?? '')
    const attributes = parseAttributes(node)
    const label = blockLabel(name)
    if (name.startsWith('core-embed/'))
      return figure(state, node, 'embed', { ...attributes, providerNameSlug: attributes.providerNameSlug || name.slice('core-embed/'.length) })
    switch (name) {
      case 'core/image':
      case 'core/gallery':
      case 'core/embed':
      case 'core/audio':
      case 'core/video':
      case 'core/table':
      case 'core/pullquote':
        return figure(state, node, name.slice('core/'.length), attributes)
      case 'core/code':
      case 'core/preformatted': {
        const pre = findElement(node, 'pre')
        return pre ? preToCode(pre, context.code, attributes.language) : flow(state, node)
      }
      case 'core/verse': {
        const pre = findElement(node, 'pre')
        return pre ? verse(pre) : flow(state, node)
      }
      case 'core/file':
        return fileToMdast(node, context)
      case 'core/buttons':
        return flow(state, node)
      case 'core/button': {
        const anchor = findElement(node, 'a')
        const href = stringProperty(anchor, 'href')
        if (!href) {
          if (textOf(node).trim()) notes.add('button without a link kept as text')
          return flow(state, node)
        }
        return paragraph([{ type: 'link', url: href, title: null, children: state.all(anchor!) as PhrasingContent[] }])
      }
      case 'core/cover': {
        const background = typeof attributes.url === 'string' ? attributes.url : stringProperty(findElement(node, 'img'), 'src')
        if (background)
          notes.add(`${label}: background ${attributes.backgroundType === 'video' ? 'video' : 'image'} ${background} dropped; its text is kept`)
        const inner = findElement(node, (element) => hasClass(element, 'wp-block-cover__inner-container'))
        if (inner) return flow(state, inner)
        const decorative = (element: Element) =>
          element.tagName === 'img' || element.tagName === 'video' || hasClass(element, 'wp-block-cover__background')
        const strip = (element: Element): Element => ({
          ...element,
          children: element.children
            .filter((child) => !(child.type === 'element' && decorative(child)))
            .map((child) => (child.type === 'element' ? strip(child) : child)),
        })
        return flow(state, strip(node))
      }
      case 'core/media-text': {
        const media = findElement(node, (element) => hasClass(element, 'wp-block-media-text__media'))
        const content = findElement(node, (element) => hasClass(element, 'wp-block-media-text__content'))
        const video = media && findElement(media, 'video')
        const image = media && findElement(media, 'img')
        const mediaNodes = video ? mediaToMdast('video', video, attributes, context) : image ? imageToMdast(image, context) : []
        return [...mediaNodes, ...(content ? flow(state, content) : [])]
      }
      case 'core/social-links':
        return flow(state, node)
      case 'core/social-link': {
        const url = typeof attributes.url === 'string' ? attributes.url : ''
        const service = typeof attributes.service === 'string' ? attributes.service : 'link'
        const text =
          typeof attributes.label === 'string' && attributes.label.trim()
            ? attributes.label
            : service.replace(/^\w/, (letter) => letter.toUpperCase())
        if (!url) return []
        return paragraph([{ type: 'link', url, title: null, children: [{ type: 'text', value: text }] }])
      }
      case 'core/spacer':
      case 'core/more':
        return []
      case 'core/nextpage':
        notes.add('page break (wp:nextpage) removed: the post is one page')
        return []
      case 'core/footnotes':
        // Block-editor footnotes live in the post's `footnotes` meta, which this importer does not read yet.
        notes.add('wp:footnotes dropped: the footnotes themselves (kept in the post meta) are not imported; the numbers in the text stay')
        return []
      case 'core/missing':
        return unknownBlock(state, node, blockLabel(String(attributes.originalName ?? 'missing')))
      default:
        if (GENERATED_BLOCK.test(name)) {
          notes.add(`${label} dropped: WordPress generated its output when the page was shown; the export holds none`)
          return []
        }
        if (/\/code$|syntaxhighlighter/.test(name) && findElement(node, 'pre'))
          return preToCode(findElement(node, 'pre')!, context.code, attributes.language)
        return unknownBlock(state, node, label)
    }
  }

  const unknownBlock = (state: State, node: Element, label: string): MdastNodes[] => {
    if (!textOf(node).trim() && !findElement(node, 'img')) {
      notes.add(`${label} dropped: it stored no content (its output came from WordPress or a plugin)`)
      return []
    }
    notes.add(`${label} is not a block the importer knows; its content is kept as text`)
    return flow(state, node)
  }

  const noted =
    (message: (node: Element) => string, keep = false): Handle =>
    (state, node) => {
      notes.add(message(node))
      return keep ? (state.all(node) as MdastNodes[]) : undefined
    }

  const handlers: Record<string, Handle> = {
    [BLOCK_ELEMENT]: block,
    figure: (state, node) => figure(state, node, figureKind(node), {}),
    blockquote: (state, node) => blockquote(state, node),
    pre: (state, node) => preToCode(node, context.code),
    table: (state, node) => tableToMdast(state, node, context),
    img: (_state, node) => imageToMdast(node, context),
    audio: (_state, node) => mediaToMdast('audio', node, {}, context),
    video: (_state, node) => mediaToMdast('video', node, {}, context),
    iframe: (_state, node) => {
      const source = stringProperty(node, 'src')
      return source ? embedLink(source, { title: stringProperty(node, 'title') }, context) : undefined
    },
    ...Object.fromEntries(
      [...INLINE_CODE].map((tagName): [string, Handle] => [
        tagName,
        (state, node) => (findElement(node, 'br') ? inlineCodeLines(node) : defaultHandlers.code(state, node)),
      ]),
    ),
    sup: inlineJsx('sup'),
    sub: inlineJsx('sub'),
    mark: inlineJsx('mark'),
    small: inlineJsx('small'),
    abbr: inlineJsx('abbr', (node) => {
      const title = stringProperty(node, 'title')
      return title ? ` ${jsxAttribute('title', title)}` : ''
    }),
    script: noted(() => 'script dropped'),
    style: noted(() => 'style element dropped'),
    noscript: noted(() => 'noscript content dropped'),
    form: noted(() => 'form dropped; its text is kept', true),
    input: noted(() => 'form field dropped'),
    select: noted(() => 'form field dropped'),
    textarea: noted(() => 'form field dropped'),
    object: (_state, node) => objectToMdast(node, context),
    embed: (_state, node) => objectToMdast(node, context),
    applet: noted(() => 'applet dropped'),
    svg: noted(() => 'inline SVG drawing dropped'),
    math: noted(() => 'MathML formula dropped'),
    canvas: noted(() => 'canvas dropped'),
    map: noted(() => 'image map dropped; its text is kept', true),
  }

  const nodeHandlers: Record<string, NodeHandle> = {
    comment: (_state, node: Comment) => {
      const value = node.value.trim()
      if (/^(more|noteaser)\b/.test(value)) return undefined
      if (/^nextpage\b/.test(value)) notes.add('page break (<!--nextpage-->) removed: the post is one page')
      else if (/^\[CDATA\[/.test(value)) notes.add('text in a <![CDATA[ … ]]> section dropped (browsers did not show it)')
      else if (/^\/?wp:/.test(value)) notes.add(`stray block comment <!-- ${value.slice(0, 40)} --> dropped`)
      else notes.add('HTML comment dropped (readers never saw it)')
      return undefined
    },
  }
  return { handlers, nodeHandlers }
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

const htmlParser = unified().use(rehypeParse, { fragment: true })

const mdxWriter = unified().use(remarkGfm).use(remarkMdxSafeText).use(remarkStringify, {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  fences: true,
  rule: '-',
  // MDX has no <https://…> autolinks: `<` starts JSX.
  resourceLink: true,
})

/** Serializes an mdast tree as MDX-safe markdown. */
export function writeMdx(tree: MdastRoot): string {
  return mdxWriter.stringify(tree)
}

function mdastText(node: MdastNodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value
  if (node.type === 'break') return ' '
  if ('children' in node) return (node.children as MdastNodes[]).map(mdastText).join('')
  return ''
}

/** Paragraphs of prose for the summary: not figures, embeds (a link alone) or shortcodes kept as text. */
function proseParagraphs(tree: MdastRoot): string[] {
  return tree.children
    .filter((node): node is Paragraph => node.type === 'paragraph')
    .filter((node) => {
      // A media link made inside an autop paragraph sits one paragraph deeper.
      let only: MdastNodes = node
      while (only.type === 'paragraph' && only.children.length === 1) only = only.children[0] as MdastNodes
      return only.type !== 'image' && only.type !== 'link'
    })
    .map((node) =>
      mdastText(node)
        .replace(/\[\/?[a-z][\w-]*(?:\s[^\]]*)?\]/gi, (shortcode) => (/^\[(sic|…|\.\.\.)\]$/i.test(shortcode) ? shortcode : ' '))
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean)
}

/**
 * Converts one WordPress body to MDX: block-editor markup block by block
 * (following each block's name and attributes), classic HTML through
 * wpautop and shortcodes, code set aside verbatim first.
 */
export function htmlToMdx(html: string, options: ConversionOptions = {}): MdxConversion {
  const context: ConversionContext = {
    notes: new Notes(),
    code: [],
    media: options.media ?? keepRemoteMedia,
    attachments: options.attachments ?? new Map(),
    reusableBlocks: options.reusableBlocks ?? new Map(),
    postId: options.postId,
    baseUrl: options.baseUrl,
  }
  const withoutMarkers = html.replace(/<!--\s*(?:more|noteaser)\b[\s\S]*?-->/gi, '')
  const prepared = blocksToHtml(extractRawCode(withoutMarkers, context.code), context)
  const { handlers, nodeHandlers } = createHandlers(context)
  const parsed = htmlParser.parse(prepared) as HastRoot
  tidyCode(parsed)
  const tree = toMdast(parsed, {
    document: true,
    handlers: { ...defaultHandlers, ...handlers },
    nodeHandlers,
  }) as MdastRoot
  const mdx = mdxWriter.stringify(tree).trim()
  return { mdx: mdx ? `${mdx}\n` : '', warnings: context.notes.list(), paragraphs: proseParagraphs(tree) }
}

/** Plain text of an HTML fragment with entities decoded, for excerpts and titles. */
export function htmlToText(html: string): string {
  return textOf(htmlParser.parse(html) as HastRoot)
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * Decodes HTML entities left in text fields: exports often double-encode
 * titles (`&amp;#8217;`), so one XML decoding still leaves `&#8217;`.
 */
export function decodeEntities(text: string): string {
  return htmlToText(text.replace(/</g, '&lt;'))
}
