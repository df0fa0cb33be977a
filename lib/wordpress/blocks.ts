import { parse } from '@wordpress/block-serialization-default-parser'
import { autop } from './autop'
import { pluginHtml, pluginMarkup } from './plugin-markup'
import type { ConversionContext } from './context'
import { escapeHtml, replaceShortcodes } from './shortcodes'

/**
 * The element a block's HTML is wrapped in, carrying the block's name and
 * attributes from its `<!-- wp:name {json} -->` comment to the converter.
 */
export const BLOCK_ELEMENT = 'wp-block'

/**
 * Blocks whose saved HTML says all there is (`<p>`, `<h2>`, `<ul>`, `<hr>`):
 * they need no wrapper. Layout blocks are here too: flattening them is
 * keeping their content.
 */
const PLAIN_HTML_BLOCKS = new Set([
  'core/paragraph',
  'core/heading',
  'core/list',
  'core/list-item',
  'core/quote',
  'core/separator',
  'core/group',
  'core/columns',
  'core/column',
  'core/row',
  'core/stack',
  'core/text-columns',
  'core/details',
  'core/html',
  'core/subhead',
])

/** Whether the content was written in the block editor (WordPress's own `has_blocks` test). */
export function hasBlocks(content: string): boolean {
  return content.includes('<!-- wp:')
}

type ParsedBlock = ReturnType<typeof parse>[number]

const MAX_REUSABLE_DEPTH = 5

/** Classic HTML between blocks, or a whole classic post: WordPress showed it through wpautop. */
function classicHtml(html: string, context: ConversionContext): string {
  if (!html.trim()) return ''
  const markup = pluginMarkup(html)
  if (!markup) return autop(replaceShortcodes(html, context))
  // The plugin, not wpautop, made the HTML readers saw.
  context.notes.add(
    `written in ${markup === 'textile' ? 'Textile (for a WordPress Textile plugin)' : 'Markdown (for a WordPress Markdown plugin)'}: converted`,
  )
  return replaceShortcodes(pluginHtml(html, markup), context)
}

function renderBlock(block: ParsedBlock, context: ConversionContext, depth: number): string {
  if (!block.blockName) return classicHtml(block.innerHTML, context)
  const name = block.blockName
  if (name === 'core/freeform' || name === 'core/shortcode') return classicHtml(block.innerHTML, context)
  if (name === 'core/block') return reusableBlock(block, context, depth)

  let index = 0
  const inner = block.innerContent
    .map((chunk: string | null) => (chunk === null ? renderBlock(block.innerBlocks[index++], context, depth) : replaceShortcodes(chunk, context)))
    .join('')
  if (PLAIN_HTML_BLOCKS.has(name)) return inner
  return `<${BLOCK_ELEMENT} data-name="${escapeHtml(name)}" data-attrs="${escapeHtml(JSON.stringify(block.attrs ?? {}))}">${inner}</${BLOCK_ELEMENT}>`
}

/** `<!-- wp:block {"ref":12} /-->` shows the reusable block (a `wp_block` item) saved elsewhere in the export. */
function reusableBlock(block: ParsedBlock, context: ConversionContext, depth: number): string {
  const ref = String(block.attrs?.ref ?? '')
  const content = context.reusableBlocks.get(ref)
  if (content === undefined || depth >= MAX_REUSABLE_DEPTH) {
    context.notes.add(`reusable block #${ref} is not in the export; dropped`)
    return ''
  }
  return blocksToHtml(content, context, depth + 1)
}

/**
 * HTML for the converter: classic parts through wpautop as WordPress showed
 * them, and each block's saved HTML wrapped in `<wp-block>` with its name and
 * attributes, so the block comments are read before they are dropped.
 */
export function blocksToHtml(content: string, context: ConversionContext, depth = 0): string {
  if (!hasBlocks(content)) return classicHtml(content, context)
  return parse(content)
    .map((block) => renderBlock(block, context, depth))
    .join('\n')
}
