import type { Element } from 'hast'
import type { State } from 'hast-util-to-mdast'
import type { Html, Image, Link, Nodes as MdastNodes, Paragraph, PhrasingContent } from 'mdast'
import { TEXT_ALTERNATIVE_MISSING } from '../images/build'
import type { Attachment, ConversionContext, MediaKind } from './context'
import { classesOf, findElement, findElements, hasClass, stringProperty, textOf } from './hast'
import { jsxAttribute } from './jsx'

export type BlockAttributes = Record<string, unknown>

function attribute(attributes: BlockAttributes, name: string): string | undefined {
  const value = attributes[name]
  return typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : undefined
}

function paragraph(children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children }
}

function link(url: string, text: string): Link {
  return { type: 'link', url, title: null, children: [{ type: 'text', value: text }] }
}

function fileName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).pop() ?? url)
  } catch {
    return url
  }
}

/** The caption a figure had on the old site: its `<figcaption>` directly under it, if any. */
export function ownCaption(figure: Element): Element | undefined {
  return figure.children.find((child): child is Element => child.type === 'element' && child.tagName === 'figcaption' && !!textOf(child).trim())
}

/** Caption text with the text of its links kept; the first link's address becomes the Figure's credit. */
function captionParts(caption: Element, context: ConversionContext): { text: string; credit?: string } {
  const links = findElements(caption, 'a')
    .map((anchor) => stringProperty(anchor, 'href'))
    .filter((href): href is string => !!href)
  for (const extra of links.slice(1)) context.notes.add(`caption link to ${extra} kept as text only (a Figure caption holds one link, as its credit)`)
  return { text: textOf(caption).replace(/\s+/g, ' ').trim(), credit: links[0] }
}

function isImageFile(url: string): boolean {
  return /\.(jpe?g|png|gif|webp|avif|svg|bmp|tiff?)(\?.*)?$/i.test(url)
}

/** WordPress's page for one image (`/post/canola2/`, `?attachment_id=7`): the image again, not a destination of its own. */
function isAttachmentPage(href: string, imageUrl: string): boolean {
  if (/[?&]attachment_id=|\/attachment\//.test(href)) return true
  const stem = fileName(imageUrl)
    .replace(/\.[^.]+$/, '')
    .replace(/-\d+x\d+$/, '')
    .toLowerCase()
  const last = fileName(href).toLowerCase()
  return !!stem && last === stem
}

/** An address readers' browsers could load: absolute http(s), or relative to the old site (`/wp-content/uploads/…`). */
export function webAddress(src: string, base?: string): string | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(src)?.[1]?.toLowerCase()
  if (scheme && scheme !== 'http' && scheme !== 'https') return undefined
  if (!base) return src
  try {
    return new URL(src.startsWith('//') ? `https:${src}` : src, base).href
  } catch {
    return src
  }
}

/** `photo-300x200.jpg` and `photo.jpg` are one picture. */
function pictureStem(url: string): string {
  return fileName(url)
    .replace(/\.[^.]+$/, '')
    .replace(/-\d+x\d+$/, '')
    .toLowerCase()
}

/** The attachment an image shows: by its `wp-image-N` class, else by its file. */
function attachmentOf(image: Element, source: string, context: ConversionContext): Attachment | undefined {
  const id = classesOf(image)
    .map((name) => /^wp-image-(\d+)$/.exec(name)?.[1])
    .find(Boolean)
  if (id && context.attachments.has(id)) return context.attachments.get(id)
  const stem = pictureStem(source)
  for (const attachment of context.attachments.values()) if (attachment.url && pictureStem(attachment.url) === stem) return attachment
  return undefined
}

/** A title WordPress made from the file name (`IMG_0042`, `dsc01581`) describes nothing. */
function isWords(title: string, url: string): boolean {
  const squeeze = (text: string) => text.toLowerCase().replace(/[\s_.-]+/g, '')
  const words = title.replace(/\.[a-z0-9]{2,5}$/i, '')
  if (!/\p{L}/u.test(words) || squeeze(words) === squeeze(pictureStem(url))) return false
  return !/^(img|image|dsc[nf]?|pict?|photo|screenshot|screen shot|capture|untitled|snap|wp)[\s_-]*\d/i.test(words.trim())
}

/** What WordPress knew that describes a picture: a caption, the attachment's alt text or caption, or a title in words. */
export function describedBy(source: string, caption?: string, attachment?: Attachment): string | undefined {
  const candidates = [caption, attachment?.alt, attachment?.caption.replace(/<[^>]*>/g, ' ')]
  const found = candidates.map((text) => text?.replace(/\s+/g, ' ').trim()).find(Boolean)
  if (found) return found
  return attachment?.title && isWords(attachment.title, source) ? attachment.title.trim() : undefined
}

/**
 * Alt text for a picture that had none: what WordPress knew about it (the
 * caption readers saw, the attachment's alt text, caption or a title in
 * words), else the explicit marker the build accepts and counts.
 */
export function altFor(given: string, source: string, context: ConversionContext, caption?: string, attachment?: Attachment): string {
  const found = given.trim() || describedBy(source, caption, attachment)
  if (found) return found
  context.notes.add(`image ${source} had no text alternative in WordPress: marked "${TEXT_ALTERNATIVE_MISSING}" for you to describe`)
  return TEXT_ALTERNATIVE_MISSING
}

/** Remote media stay on the old site: say so once per file, so the report lists what to bring home. */
function resolve(url: string, kind: MediaKind, context: ConversionContext) {
  const target = context.media(url, kind)
  if (!target.local && kind !== 'image') context.notes.add(`${kind} ${url} still loads from the old site`)
  return target
}

/**
 * One image: `<Figure>` when the source had a caption, otherwise a plain
 * markdown image (kept inside its link when the link went somewhere other
 * than the image file). Never a caption the author did not write.
 */
export function imageToMdast(image: Element, context: ConversionContext, caption?: Element, linkElement?: Element): MdastNodes[] {
  const written = stringProperty(image, 'src') ?? stringProperty(image, 'dataSrc')
  if (!written) {
    context.notes.add('image without a src dropped')
    return []
  }
  const source = webAddress(written, context.baseUrl)
  if (!source) {
    // `file:///C:/Users/…` or a data: URI: no reader of the old site ever saw it.
    context.notes.add(`image ${written.slice(0, 80)} is not a web address (no reader saw it): kept as words`)
    const words = stringProperty(image, 'alt') || fileName(written)
    return [paragraph([{ type: 'text', value: `[Picture not available: ${words}]` }])]
  }
  const target = resolve(source, 'image', context)
  const src = target.src
  const href = stringProperty(linkElement, 'href')
  const customLink = href && !isImageFile(href) && !isAttachmentPage(href, source) ? href : undefined
  const parts = caption ? captionParts(caption, context) : undefined
  const attachment = attachmentOf(image, source, context)
  if (target.gone) {
    // The old site no longer serves it: what it showed is said in words, with a link to where it was.
    const words = parts?.text || describedBy(source, undefined, attachment) || stringProperty(image, 'alt') || fileName(source)
    context.notes.add(`image ${source} answers nowhere: shown as its caption with a link to where it was`)
    return [{ type: 'html', value: `<Figure ${jsxAttribute('caption', words)} ${jsxAttribute('credit', source)} />` } satisfies Html]
  }
  const alt = altFor(stringProperty(image, 'alt') ?? '', source, context, parts?.text, attachment)
  if (parts) {
    if (parts.text) {
      if (customLink) context.notes.add(`link on the captioned image ${fileName(source)} to ${customLink} dropped (a Figure has no link)`)
      const attributes = [jsxAttribute('caption', parts.text)]
      if (parts.credit) attributes.push(jsxAttribute('credit', parts.credit))
      attributes.push(jsxAttribute('src', src))
      attributes.push(jsxAttribute('alt', alt))
      const figure: Html = { type: 'html', value: `<Figure ${attributes.join(' ')} />` }
      return [figure]
    }
  }
  const markdownImage: Image = { type: 'image', url: src, alt, title: null }
  const content: PhrasingContent = customLink ? { type: 'link', url: customLink, title: null, children: [markdownImage] } : markdownImage
  return [paragraph([content])]
}

/** The `<a>` an image sits in, if it is the image's only content. */
function wrappingLink(container: Element, image: Element): Element | undefined {
  return findElements(container, 'a').find((anchor) => findElement(anchor, (element) => element === image))
}

export function imageFigure(figure: Element, context: ConversionContext): MdastNodes[] {
  const image = findElement(figure, 'img')
  if (!image) return []
  return imageToMdast(image, context, ownCaption(figure), wrappingLink(figure, image))
}

/** A gallery is its images, one after another, each with its own caption; the gallery's caption follows. */
export function galleryToMdast(state: State, gallery: Element, context: ConversionContext): MdastNodes[] {
  const figures = findElements(gallery, (element) => element.tagName === 'figure' && !!findElement(element, 'img'))
  const looseImages = figures.length ? [] : findElements(gallery, 'img')
  const nodes: MdastNodes[] = [
    ...figures.flatMap((figure) => imageFigure(figure, context)),
    ...looseImages.flatMap((image) => imageToMdast(image, context, undefined, wrappingLink(gallery, image))),
  ]
  const caption =
    findElements(gallery, (element) => element.tagName === 'figcaption' && hasClass(element, 'blocks-gallery-caption'))[0] ?? ownCaption(gallery)
  if (caption && !figures.some((figure) => ownCaption(figure) === caption)) nodes.push(paragraph(state.all(caption) as PhrasingContent[]))
  return nodes
}

/** Sites WordPress embeds from a bare URL (its oEmbed providers), by host, with the kind of content they serve. */
const OEMBED_PROVIDERS: Array<[RegExp, string, string]> = [
  [/(^|\.)(youtube\.com|youtu\.be)$/, 'youtube', 'video'],
  [/(^|\.)vimeo\.com$/, 'vimeo', 'video'],
  [/(^|\.)dailymotion\.com$/, 'dailymotion', 'video'],
  [/(^|\.)wordpress\.tv$/, 'wordpress-tv', 'video'],
  [/(^|\.)ted\.com$/, 'ted', 'video'],
  [/(^|\.)tiktok\.com$/, 'tiktok', 'video'],
  [/(^|\.)(soundcloud\.com)$/, 'soundcloud', 'audio'],
  [/(^|\.)(spotify\.com)$/, 'spotify', 'audio'],
  [/(^|\.)(mixcloud\.com)$/, 'mixcloud', 'audio'],
  [/(^|\.)(twitter\.com|x\.com)$/, 'twitter', 'rich'],
  [/(^|\.)instagram\.com$/, 'instagram', 'rich'],
  [/(^|\.)facebook\.com$/, 'facebook', 'rich'],
  [/(^|\.)(flickr\.com|flic\.kr)$/, 'flickr', 'photo'],
  [/(^|\.)imgur\.com$/, 'imgur', 'rich'],
  [/(^|\.)slideshare\.net$/, 'slideshare', 'rich'],
  [/(^|\.)speakerdeck\.com$/, 'speakerdeck', 'rich'],
  [/(^|\.)reddit\.com$/, 'reddit', 'rich'],
  [/(^|\.)tumblr\.com$/, 'tumblr', 'rich'],
]

export function oembedProvider(url: string): { slug: string; type: string } | undefined {
  let host: string
  try {
    host = new URL(url).hostname
  } catch {
    return undefined
  }
  const found = OEMBED_PROVIDERS.find(([pattern]) => pattern.test(host))
  return found && { slug: found[1], type: found[2] }
}

const PROVIDERS: Record<string, string> = {
  youtube: 'YouTube',
  vimeo: 'Vimeo',
  twitter: 'Twitter',
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
  'wordpress-tv': 'WordPress.tv',
  wordpress: 'WordPress',
  soundcloud: 'SoundCloud',
  spotify: 'Spotify',
  flickr: 'Flickr',
  tiktok: 'TikTok',
  dailymotion: 'Dailymotion',
  tumblr: 'Tumblr',
  reddit: 'Reddit',
  slideshare: 'SlideShare',
  speakerdeck: 'Speaker Deck',
  ted: 'TED',
  mixcloud: 'Mixcloud',
  imgur: 'Imgur',
  issuu: 'Issuu',
  scribd: 'Scribd',
  kickstarter: 'Kickstarter',
  'amazon-kindle': 'Kindle',
  pinterest: 'Pinterest',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
}

const TYPE_WORDS: Record<string, string> = { video: 'video', rich: 'post', photo: 'photo', link: 'link', audio: 'audio' }

function providerName(slug: string | undefined, url: string): string {
  if (slug && PROVIDERS[slug]) return PROVIDERS[slug]
  if (slug) return slug.replace(/-/g, ' ').replace(/^\w/, (letter) => letter.toUpperCase())
  try {
    return new URL(url).hostname.replace(/^www\./, '')
  } catch {
    return 'Embedded content'
  }
}

/** YouTube's old Flash player (`/v/ID`) and its iframe address are not pages a reader can open; its watch URL is. */
export function readableVideoUrl(url: string): string {
  const player = /^(?:https?:)?\/\/(?:www\.)?youtube(?:-nocookie)?\.com\/(?:embed|v)\/([\w-]+)/.exec(url)
  return player ? `https://www.youtube.com/watch?v=${player[1]}` : url
}

/** Titles players give themselves, which say nothing about the video. */
const GENERIC_TITLE = /^(youtube( video)?( player)?|vimeo( video)?( player)?|video player|embedded content|iframe)$/i

/**
 * An embedded player or card as one link that says what it leads to: the
 * provider and kind (`YouTube video`), then its title or caption when known,
 * never a bare address as the text. The player came from the provider, so the
 * report names it.
 */
export function embedLink(
  source: string,
  { slug, type, title }: { slug?: string; type?: string; title?: string },
  context: ConversionContext,
): MdastNodes[] {
  const address = readableVideoUrl(source.startsWith('//') ? `https:${source}` : source)
  const known = oembedProvider(address)
  const providerSlug = slug ?? known?.slug
  const kind = type ?? known?.type
  const label = providerSlug ? `${providerName(providerSlug, address)}${kind && TYPE_WORDS[kind] ? ` ${TYPE_WORDS[kind]}` : ''}` : undefined
  context.notes.add(`${label ?? 'embedded content'} embed ${address} shown as a link (the embedded player or card is not imported)`)
  const named = title?.replace(/\s+/g, ' ').trim()
  const meaningful = named && !GENERIC_TITLE.test(named) && named !== address ? named : undefined
  const text = label ? (meaningful ? `${label}: ${meaningful}` : label) : (meaningful ?? `Embedded content from ${providerName(undefined, address)}`)
  return [paragraph([link(address, text)])]
}

/** An embed block or figure (YouTube, a tweet…): its address from the block, the wrapper or the frame; its caption as the title. */
export function embedToMdast(figure: Element, attributes: BlockAttributes, context: ConversionContext): MdastNodes[] {
  const classes = classesOf(figure)
  const wrapper = findElement(figure, (element) => hasClass(element, 'wp-block-embed__wrapper'))
  const url = attribute(attributes, 'url') ?? (wrapper ? textOf(wrapper).trim() : '')
  const address = url || stringProperty(findElement(figure, 'a'), 'href') || stringProperty(findElement(figure, 'iframe'), 'src')
  if (!address) {
    context.notes.add('embed without an address dropped')
    return []
  }
  const slug = attribute(attributes, 'providerNameSlug') ?? classes.find((name) => name.startsWith('is-provider-'))?.slice('is-provider-'.length)
  const type = attribute(attributes, 'type') ?? classes.find((name) => name.startsWith('is-type-'))?.slice('is-type-'.length)
  const caption = ownCaption(figure)
  return embedLink(address, { slug, type, title: caption ? textOf(caption) : undefined }, context)
}

/** An `<object>` or `<embed>` player (Flash-era YouTube, a slideshow): the address it played, as an embed link. */
export function objectToMdast(node: Element, context: ConversionContext): MdastNodes[] {
  const params = findElements(node, 'param')
  const param = params.find((element) => /^(movie|src|url|filename)$/i.test(String(element.properties.name ?? '')))
  const inner = findElement(node, 'embed')
  const source = stringProperty(node, 'data') ?? stringProperty(param, 'value') ?? stringProperty(node, 'src') ?? stringProperty(inner, 'src')
  if (!source) {
    context.notes.add(`<${node.tagName}> player without an address dropped`)
    return []
  }
  return embedLink(source, { title: stringProperty(node, 'title') }, context)
}

function mediaSource(element: Element | undefined): string | undefined {
  if (!element) return undefined
  return (
    stringProperty(element, 'src') ??
    findElements(element, 'source')
      .map((source) => stringProperty(source, 'src'))
      .find(Boolean)
  )
}

/**
 * Audio and video: the native player when the file is served by the site,
 * otherwise a link to the file, named in the report (the file is not home).
 */
export function mediaToMdast(kind: 'audio' | 'video', container: Element, attributes: BlockAttributes, context: ConversionContext): MdastNodes[] {
  const element = container.tagName === kind ? container : findElement(container, kind)
  const fromAttachment = attribute(attributes, 'id') ? context.attachments.get(attribute(attributes, 'id')!)?.url : undefined
  const source = mediaSource(element) ?? attribute(attributes, 'src') ?? fromAttachment
  if (!source) {
    context.notes.add(`${kind} without a file dropped`)
    return []
  }
  const target = resolve(source, kind, context)
  const caption = container.tagName === 'figure' ? ownCaption(container) : undefined
  const captionText = caption ? textOf(caption).replace(/\s+/g, ' ').trim() : ''
  if (element && findElement(element, 'track')) context.notes.add(`${kind} ${fileName(source)}: its text tracks (subtitles) are not imported`)
  if (!target.local) {
    const word = kind === 'audio' ? 'Audio' : 'Video'
    return [paragraph([link(target.src, `${word}: ${captionText || fileName(source)}`)])]
  }
  const poster =
    kind === 'video' && stringProperty(element, 'poster')
      ? ` ${jsxAttribute('poster', context.media(stringProperty(element, 'poster')!, 'image').src)}`
      : ''
  const player = `<${kind} controls preload="metadata" ${jsxAttribute('src', target.src)}${poster}>{${JSON.stringify(`Your browser cannot play this ${kind}.`)}}</${kind}>`
  const figcaption = captionText ? `<figcaption>{${JSON.stringify(captionText)}}</figcaption>` : ''
  return [{ type: 'html', value: `<figure>${player}${figcaption}</figure>` }]
}

/** The file block: a link to the file (its separate "Download" button says the same). */
export function fileToMdast(container: Element, context: ConversionContext): MdastNodes[] {
  const anchors = findElements(container, 'a').filter((anchor) => stringProperty(anchor, 'href'))
  const main = anchors.find((anchor) => !hasClass(anchor, 'wp-block-file__button')) ?? anchors[0]
  if (!main) {
    context.notes.add('file block without a link dropped')
    return []
  }
  const href = stringProperty(main, 'href')!
  const target = resolve(href, 'file', context)
  return [paragraph([link(target.src, textOf(main).trim() || fileName(href))])]
}
