import { attrs, replace } from '@wordpress/shortcode'
import type { ConversionContext } from './context'
import { oembedProvider } from './media'

/**
 * The shortcodes WordPress itself registers. A bracketed word is taken for a
 * plugin's shortcode only in a form no prose has: with attributes
 * (`[contact-form-7 id="3"]`), closed (`[x]…[/x]`), or alone on its line;
 * "Follow us on [Twitter]" and "[sic]" are prose.
 */
const CORE_SHORTCODES = new Set(['audio', 'video', 'playlist', 'gallery', 'embed', 'caption', 'wp_caption'])

/** Parses `a="x" b='y' c=z` shortcode (or HTML) attributes with WordPress's own parser; names are lower-cased. */
export function shortcodeAttributes(source: string): Record<string, string> {
  const { named } = attrs(source)
  return Object.fromEntries(Object.entries(named).map(([name, value]) => [name.toLowerCase(), value ?? '']))
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** `&amp;` and the other entities a URL picks up when it sits in HTML. */
function decodeUrlEntities(url: string): string {
  return url.replace(/&(amp|#0*38|#x0*26);/gi, '&')
}

/** The figure a `[gallery]` drew: its images come from the export's attachments. */
function galleryFigure(attributes: Record<string, string | undefined>, context: ConversionContext): string {
  const ids = attributes.ids
    ? attributes.ids.split(/\s*,\s*/).filter(Boolean)
    : [...context.attachments.values()]
        .filter((attachment) => context.postId && attachment.parent === context.postId)
        .map((attachment) => attachment.id)
  const images = ids.map((id) => context.attachments.get(id)).filter((attachment) => attachment !== undefined)
  if (images.length === 0) {
    context.notes.add(`[gallery] dropped: none of its ${ids.length || ''} image(s) are in the export`.replace('  ', ' '))
    return ''
  }
  if (images.length < ids.length) context.notes.add(`[gallery]: ${ids.length - images.length} image(s) are not in the export and were dropped`)
  const figures = images.map(
    (image) =>
      `<figure class="wp-block-image"><img src="${escapeHtml(image.url)}" alt="${escapeHtml(image.alt)}">` +
      (image.caption.trim() ? `<figcaption>${image.caption}</figcaption>` : '') +
      '</figure>',
  )
  return `<figure class="wp-block-gallery">${figures.join('')}</figure>`
}

/** Text where markup means nothing: code, which readers saw as written. */
const CODE_REGIONS = /<(pre|code|kbd|samp|script|style|textarea)\b[^>]*>[\s\S]*?<\/\1>/gi

/** The shortcodes a body still holds after conversion: plugins drew them, so their output is not in the export. */
export function unknownShortcodes(html: string): string[] {
  const text = html.replace(CODE_REGIONS, ' ')
  const found: string[] = []
  for (const match of text.matchAll(/\[(\/?)([a-zA-Z][\w-]*)((?:\s[^\]]*)?)(\/?)\]/g)) {
    const [whole, closing, name, attributeText] = match
    if (closing) continue
    const start = match.index
    const line = text.slice(text.lastIndexOf('\n', start) + 1, (text.indexOf('\n', start) + 1 || text.length + 1) - 1)
    const alone = line.replace(/<[^>]*>/g, '').trim() === whole
    const closed = text.includes(`[/${name}]`, start)
    const registered = CORE_SHORTCODES.has(name) || /=/.test(attributeText) || closed
    if ((registered || alone) && !found.includes(name)) found.push(name)
  }
  return found
}

/**
 * Rewrites shortcodes before the HTML parser sees them, with WordPress's own
 * shortcode parser: captions and galleries become the <figure> markup the
 * block editor writes, embeds and URLs alone on a line become links, and the
 * rest stay as text with a note, since their output lived in plugins.
 */
export function replaceShortcodes(html: string, context: ConversionContext): string {
  const caption = (shortcode: { attrs: { named: Record<string, string | undefined> }; content?: string }) => {
    // The caption is the text after the image; the older form keeps it in an attribute. WordPress printed either as HTML.
    const inner = shortcode.content ?? ''
    const parts = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(inner)
    const image = parts ? parts[1] : inner
    const text = parts?.[2].trim() || shortcode.attrs.named.caption || ''
    return `<figure class="wp-caption">${image}${text ? `<figcaption>${text}</figcaption>` : ''}</figure>`
  }
  let text = replace('caption', html, caption)
  text = replace('wp_caption', text, caption)
  text = replace('gallery', text, (shortcode) => galleryFigure(shortcode.attrs.named, context))

  // [audio https://…mp3], [audio mp3="…"], [video src="…"]: the player WordPress drew for a file.
  for (const kind of ['audio', 'video'] as const) {
    text = replace(kind, text, (shortcode) => {
      const { named, numeric } = shortcode.attrs
      const bare = numeric[0] && /^https?:\/\//.test(numeric[0]) ? numeric[0] : undefined
      const source = named.src ?? named.mp3 ?? named.m4a ?? named.ogg ?? named.wav ?? named.mp4 ?? named.webm ?? named.m4v ?? named.ogv ?? bare
      // Returning nothing keeps the shortcode as it was (@wordpress/shortcode's contract).
      if (!source) return undefined as unknown as string
      return `<${kind} src="${escapeHtml(decodeUrlEntities(source))}"></${kind}>`
    })
  }

  // [embed]URL[/embed] is what a URL alone on a line does: WordPress's oEmbed, shown here as a link that names it.
  text = replace('embed', text, (shortcode) => embedFigure(decodeUrlEntities((shortcode.content ?? '').trim())))

  for (const name of unknownShortcodes(text)) context.notes.add(`[${name}] shortcode kept as text; its output is not imported`)

  // WordPress turns a URL alone on its line into an embed (oEmbed) when the site is a provider, else a link.
  return text.replace(/^[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*$/gm, (_, url: string) => {
    const address = decodeUrlEntities(url)
    if (!oembedProvider(address)) return `<a href="${escapeHtml(address)}">${escapeHtml(address)}</a>`
    return embedFigure(address)
  })
}

/** The markup the block editor saves for an embed, so shortcodes and bare URLs become the same link as embed blocks. */
function embedFigure(address: string): string {
  const provider = oembedProvider(address)
  const classes = provider ? ` is-type-${provider.type} is-provider-${provider.slug}` : ''
  return `<figure class="wp-block-embed${classes}"><div class="wp-block-embed__wrapper">${escapeHtml(address)}</div></figure>`
}
