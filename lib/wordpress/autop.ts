/**
 * WordPress stores post bodies without <p> tags and adds them on display with
 * `wpautop()`. This is a port of its core rules so the HTML parser sees the
 * same paragraphs and line breaks readers saw on the old site.
 */

const BLOCKS =
  '(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)'

const PRESERVED = /<(pre|script|style|textarea)\b[\s\S]*?<\/\1>/gi

export function autop(html: string): string {
  if (!html.trim()) return ''

  // Newlines inside <pre> are content, not paragraph breaks.
  const preserved: string[] = []
  let text = html.replace(/\r\n?/g, '\n').replace(PRESERVED, (block) => {
    preserved.push(block)
    return `<wp-preserved-${preserved.length - 1}></wp-preserved-${preserved.length - 1}>`
  })

  // A newline inside a tag (`<img\nsrc=…>`) is not a line break.
  text = text.replace(/<[^<>]+>/g, (tag) => tag.replace(/\s*\n\s*/g, ' '))

  text = `${text}\n`
    .replace(/<br\s*\/?>\s*<br\s*\/?>/gi, '\n\n')
    .replace(new RegExp(`(<${BLOCKS}[\\s/>])`, 'gi'), '\n\n$1')
    .replace(new RegExp(`(</${BLOCKS}>)`, 'gi'), '$1\n\n')
    .replace(/(<wp-preserved-\d+>)/g, '\n\n$1')
    .replace(/(<\/wp-preserved-\d+>)/g, '$1\n\n')
    .replace(/\n\n+/g, '\n\n')

  text = text
    .split(/\n\s*\n/)
    .filter((chunk) => chunk.trim())
    .map((chunk) => `<p>${chunk.trim()}</p>\n`)
    .join('')

  const blockTag = `</?${BLOCKS}[^>]*>`
  const preservedTag = '</?wp-preserved-\\d+>'
  text = text
    .replace(/<p>\s*<\/p>/g, '')
    .replace(new RegExp(`<p>\\s*(${blockTag}|${preservedTag})\\s*</p>`, 'gi'), '$1')
    .replace(/<p>(<li.+?)<\/p>/gi, '$1')
    .replace(/<p><blockquote([^>]*)>/gi, '<blockquote$1><p>')
    .replace(/<\/blockquote><\/p>/gi, '</p></blockquote>')
    .replace(new RegExp(`<p>\\s*(${blockTag}|${preservedTag})`, 'gi'), '$1')
    .replace(new RegExp(`(${blockTag}|${preservedTag})\\s*</p>`, 'gi'), '$1')
    // Single newlines inside a paragraph are line breaks, except after a <br /> that already is one…
    .replace(/<br\s*\/?>/gi, '<br />')
    .replace(/(?<=[^\n])(?<!<br \/>[ \t]*)[ \t]*\n(?!\n|$)/g, '<br />\n')
    // …except next to block tags, where they are only source formatting.
    .replace(new RegExp(`(${blockTag}|${preservedTag})\\s*<br />`, 'gi'), '$1')
    .replace(/<br \/>(\s*<\/?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol|wp-preserved-\d+)[^>]*>)/gi, '$1')
    .replace(/\n<\/p>$/g, '</p>')

  return text.replace(/<wp-preserved-(\d+)><\/wp-preserved-\1>/g, (_, index: string) => preserved[Number(index)])
}
