import type { ConversionContext } from './context'
import { oembedProvider } from './media'

/** WordPress core and common plugin shortcodes; other bracketed words ("[sic]") are prose. */
const KNOWN_SHORTCODES = new Set([
  'audio',
  'video',
  'playlist',
  'gallery',
  'embed',
  'caption',
  'wp_caption',
  'youtube',
  'vimeo',
  'soundcloud',
  'tweet',
  'twitter',
  'instagram',
  'googlemaps',
  'gist',
  'code',
  'sourcecode',
  'contact-form',
  'contact-form-7',
  'wpforms',
  'slideshow',
])

/** Parses `a="x" b='y' c=z` shortcode (or HTML) attributes; names are lower-cased. */
export function shortcodeAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {}
  const pattern = /([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'\]>]+))/g
  for (const match of source.matchAll(pattern)) {
    attributes[match[1].toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? ''
  }
  return attributes
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** `&amp;` and the other entities a URL picks up when it sits in HTML. */
function decodeUrlEntities(url: string): string {
  return url.replace(/&(amp|#0*38|#x0*26);/gi, '&')
}

/** The figure a `[gallery]` drew: its images come from the export's attachments. */
function galleryFigure(attributeText: string, context: ConversionContext): string {
  const attributes = shortcodeAttributes(attributeText)
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

/**
 * Rewrites shortcodes before the HTML parser sees them: captions and
 * galleries become the <figure> markup the block editor writes, embeds and
 * URLs alone on a line become links, and the rest stay as text with a note,
 * since their output lived in plugins.
 */
export function replaceShortcodes(html: string, context: ConversionContext): string {
  let text = html.replace(/\[(caption|wp_caption)\b([^\]]*)\]([\s\S]*?)\[\/\1\]/gi, (_, _name, attributeText: string, inner: string) => {
    // The caption is the text after the image; the older form keeps it in an attribute. WordPress printed either as HTML.
    const parts = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(inner)
    const image = parts ? parts[1] : inner
    const caption = (parts?.[2].trim() || shortcodeAttributes(attributeText).caption) ?? ''
    const figcaption = caption ? `<figcaption>${caption}</figcaption>` : ''
    return `<figure class="wp-caption">${image}${figcaption}</figure>`
  })

  text = text.replace(/\[gallery\b([^\]]*)\]/gi, (_, attributeText: string) => galleryFigure(attributeText, context))

  // [audio https://…mp3], [audio mp3="…"], [video src="…"]: the player WordPress drew for a file.
  text = text.replace(/\[(audio|video)\b([^\]]*)\](?:\s*\[\/\1\])?/gi, (whole, kind: string, attributeText: string) => {
    const attributes = shortcodeAttributes(attributeText)
    const bare = /^\s*(https?:\/\/\S+)/.exec(attributeText)?.[1]
    const source =
      attributes.src ??
      attributes.mp3 ??
      attributes.m4a ??
      attributes.ogg ??
      attributes.wav ??
      attributes.mp4 ??
      attributes.webm ??
      attributes.m4v ??
      attributes.ogv ??
      bare
    if (!source) return whole
    const tag = kind.toLowerCase()
    return `<${tag} src="${escapeHtml(decodeUrlEntities(source))}"></${tag}>`
  })

  // [embed]URL[/embed] is what a URL alone on a line does: WordPress's oEmbed, shown here as a link that names it.
  text = text.replace(/\[embed\b[^\]]*\]\s*([\s\S]*?)\s*\[\/embed\]/gi, (_, url: string) => embedFigure(decodeUrlEntities(url)))

  const seen = new Set<string>()
  for (const match of text.matchAll(/\[(\/?)([a-zA-Z][\w-]*)((?:\s[^\]]*)?)\]/g)) {
    const name = match[2].toLowerCase()
    const closed = new RegExp(`\\[/${match[2]}\\]`, 'i').test(text)
    const isShortcode = KNOWN_SHORTCODES.has(name) || match[3].includes('=') || (!match[1] && closed)
    if (isShortcode && !seen.has(name)) {
      seen.add(name)
      context.notes.add(`[${name}] shortcode kept as text; its output is not imported`)
    }
  }

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
