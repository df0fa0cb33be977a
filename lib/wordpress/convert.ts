import { documentUrl, page as pageKind, post as postKind, writeFrontMatter } from '../documents'
import { RESERVED_TOP_LEVEL_SEGMENTS } from '../routes'
import { approvedComments, type PostComment } from './comments'
import { keepRemoteMedia, type Attachment, type MediaResolver } from './context'
import { wordpressDate } from './dates'
import { findImageReferences, TEXT_ALTERNATIVE_MISSING } from '../images/build'
import { describedBy } from './media'
import { decodeEntities, htmlToMdx, htmlToText } from './html-to-mdx'
import { unknownShortcodes } from './shortcodes'
import { asciiSlug, decodeSlug, tagSlug } from './slugs'
import type { WxrItem, WxrTerm } from './wxr'

export type ContentKind = 'post' | 'page'

/** Where one kind of item is written and where the site serves it. */
export type ContentTarget = {
  /** Folder for the files, as written in paths. */
  dir: string
  /** The site address of an item with this slug, or undefined while the site has no route for the kind. */
  url: (slug: string) => string | undefined
}

export type ImportOptions = {
  /** Folder for posts, as written in paths (default `content/posts`). */
  postsDir?: string
  /** Folder for pages (default: `pages` beside the posts folder, so `content/pages`). */
  pagesDir?: string
  /** Leave pages out of the import. */
  skipPages?: boolean
  /** Replaces the folder-and-address rules for a kind (used by tests, and by the page type when it lands). */
  targets?: Partial<Record<ContentKind, ContentTarget>>
  /** Author id for every post, or a map from WordPress login (`dc:creator`) to author id. */
  author?: string | Record<string, string>
  /** Where images, audio and video are loaded from; by default the old site's addresses are kept. */
  media?: MediaResolver
  /** The old blog's address (`wp:base_blog_url`), for relative links and pictures in bodies. */
  baseUrl?: string
}

export type PublishState = 'published' | 'draft' | 'scheduled'

export type ConvertedItem = {
  kind: ContentKind
  id: string
  title: string
  slug: string
  path: string
  /** The address on the new site, or undefined when a target given in `targets` has none. */
  url?: string
  mdx: string
  state: PublishState
  /** Posts only: the date written to the frontmatter (pages have none). */
  date?: string
  /** Tag slug → the WordPress display names that produced it. */
  tags: Record<string, string[]>
  /** What was dropped or changed on the way, named per construct. */
  warnings: string[]
  /** The plugin shortcodes the body is made of, when it has nothing else to read. */
  onlyShortcodes?: string[]
  /** Set when the old address will not reach the new one by itself. */
  unmappedLink?: { link: string; reason: string }
  /** Approved comments, oldest first, for the item's comments file (lib/documents' commentsFile). */
  comments: PostComment[]
  /** Comments not carried over: held, spam, trashed, and every comment on a page. */
  commentsLeftOut: number
}

export type SkippedItem = { id: string; title: string; postType: string; reason: string }

export type ImportPlan = { items: ConvertedItem[]; skipped: SkippedItem[] }

/** What the whole export offers every item: attachments (for galleries and featured images) and reusable blocks. */
export type ExportLookup = {
  attachments: ReadonlyMap<string, Attachment>
  reusableBlocks: ReadonlyMap<string, string>
  /** Every page, so a child page finds its parents (`wp:post_parent`). */
  pages: ReadonlyMap<string, WxrItem>
  /** A tag's name (any case) → the slug of the first term of that name, so a category and a tag of one name are one tag. */
  tagSlugs: ReadonlyMap<string, string>
}

const SUMMARY_LENGTH = 200

function postSlug(item: WxrItem, title: string): { slug: string; warning?: string } {
  if (!postKind.slugProblem(item.postName)) return { slug: item.postName }
  // WordPress stores non-ASCII slugs percent-encoded ("%c5%b5-croeso").
  let decoded = item.postName
  try {
    decoded = decodeURIComponent(item.postName)
  } catch {
    // Not valid percent-encoding: use the name as it is.
  }
  const slug = asciiSlug(decoded) || asciiSlug(title) || `${item.postType || 'post'}-${item.id}`
  const warning = item.postName ? `slug "${item.postName}" is not a valid file name; using "${slug}"` : undefined
  return { slug, warning }
}

/**
 * The post's date with its time. Drafts have no GMT date in WordPress; their
 * local time is then written as UTC, since the site's zone is not in the export.
 */
function postDate(item: WxrItem): string | undefined {
  const pairs: Array<[string, string]> = [
    [item.postDate, item.postDateGmt],
    [item.postDateGmt, item.postDateGmt],
    [item.modified, item.modifiedGmt],
    [item.modifiedGmt, item.modifiedGmt],
  ]
  for (const [localValue, gmtValue] of pairs) {
    const date = wordpressDate(localValue, gmtValue)
    if (date) return date
  }
  return undefined
}

/** Shortcodes left as text (`[gallery]`), stray escapes and spaces are not summary material. */
function cleanSummaryText(text: string): string {
  return text
    .replace(/\[\/?[a-z][\w-]*(?:\s[^\]]*)?\]/gi, (shortcode) => (/^\[(sic|…|\.\.\.)\]$/i.test(shortcode) ? shortcode : ' '))
    .replace(/\\(?=[\s\\]|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** First sentences of the body's paragraphs, up to about 200 characters, for listings and feeds. */
function summaryFrom(paragraphs: string[]): string {
  // "Watch the talk:" introduces something the summary does not show.
  const text = cleanSummaryText(paragraphs.filter((paragraph) => !/:\s*$/.test(paragraph)).join(' '))
  const sentences = text.split(/(?<=[.!?…]["'’”)]*)\s+/)
  let summary = ''
  for (const sentence of sentences) {
    if (summary && `${summary} ${sentence}`.length > SUMMARY_LENGTH) break
    // After the first, only whole sentences: a caption or an address line is not one.
    if (summary && !/[.!?…]["'’”)]*$/.test(sentence)) break
    summary = summary ? `${summary} ${sentence}` : sentence
  }
  if (summary.length <= SUMMARY_LENGTH + 20) return summary
  return `${summary.slice(0, SUMMARY_LENGTH).replace(/\s+\S*$/, '')}…`
}

/** Absolute image addresses the body shows (read from its markdown, so code that mentions `src=` is not one). */
function imageUrls(mdx: string): string[] {
  return [...new Set(findImageReferences(mdx).map((reference) => reference.src))].filter((src) => /^https?:\/\//i.test(src))
}

/** The plugin shortcodes a body is made of, when it holds nothing else: the page showed only what plugins drew. */
function onlyShortcodesIn(content: string): string[] | undefined {
  const names = unknownShortcodes(content)
  if (names.length === 0) return undefined
  const rest = content
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\[\/?[a-zA-Z][\w-]*(?:\s[^\]]*)?\/?\]/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;|\s/g, '')
  return rest ? undefined : names
}

/**
 * Categories and tags become tags, under WordPress's own slug (decoded from
 * its percent-encoding), so `JavaScript & jQuery` stays `javascript-jquery`.
 * Names keep every character, joiners included (`نرم‌افزار`). WXR 1.0 writes
 * tags as `domain="tag"` and also repeats each term without a domain; post
 * formats ("Standard", "Video") and Polylang's languages describe layout and
 * language, not topic.
 */
/** The site's tag slug for one of an item's categories or tags. */
export function termTagSlug(term: WxrTerm, lookup: ExportLookup): string {
  const name = decodeEntities(term.name)
  return lookup.tagSlugs.get(tagKey(name)) ?? ownTagSlug(term, name)
}

function tagsOf(item: WxrItem, lookup: ExportLookup): Record<string, string[]> {
  const tags: Record<string, string[]> = {}
  for (const term of topicTerms(item)) {
    const name = decodeEntities(term.name)
    const slug = termTagSlug(term, lookup)
    if (!slug) continue
    tags[slug] ??= []
    if (!tags[slug].includes(name)) tags[slug].push(name)
  }
  return tags
}

export function topicTerms(item: WxrItem): WxrTerm[] {
  return item.terms.filter((term) => ['category', 'post_tag', 'tag', ''].includes(term.domain))
}

/** Names that differ only in case or Unicode form are one tag (a category "Open Data" and a tag "open data"). */
function tagKey(name: string): string {
  return name.normalize('NFC').toLowerCase()
}

function ownTagSlug(term: WxrTerm, name: string): string {
  const own = decodeSlug(term.nicename)?.normalize('NFC').trim()
  return own && !/[/\s]/.test(own) ? own.toLowerCase() : tagSlug(name)
}

function authorFor(item: WxrItem, option: ImportOptions['author']): string | undefined {
  if (typeof option === 'string') return option || undefined
  return option?.[item.creator]
}

/** The site's definition of an imported item's kind (lib/documents): its fields, folder and address. */
function documentKindOf(kind: ContentKind) {
  return kind === 'page' ? pageKind : postKind
}

/** The folder and addresses for a kind; undefined when that kind is not imported. */
export function targetFor(kind: ContentKind, options: ImportOptions): ContentTarget | undefined {
  const given = options.targets?.[kind]
  if (given) return given
  const documentKind = documentKindOf(kind)
  const url = (slug: string) => documentUrl(documentKind, 'page', { slug })
  const postsDir = options.postsDir ?? `content/${postKind.folder}`
  if (kind === 'post') return { dir: postsDir, url }
  if (options.skipPages) return undefined
  // Pages go beside the posts (content/posts → content/pages) unless told otherwise.
  const parent = postsDir.replace(/\/+$/, '').replace(/\/?[^/]*$/, '')
  return { dir: options.pagesDir ?? `${parent || '.'}/${documentKind.folder}`, url }
}

/**
 * A page's slug: its own name under its parents' names, as WordPress nested
 * the address (`/about/team/` → `about/team`), so the old address still works.
 * A first segment that is one of this site's own routes (`/search`) would fail
 * the build, so it gets `-page` added, with a warning.
 */
function pageSlug(item: WxrItem, title: string, pages: ReadonlyMap<string, WxrItem>): { slug: string; warnings: string[] } {
  const warnings: string[] = []
  const chain = [item]
  for (let parentId = item.parent; parentId && parentId !== '0';) {
    const parent = pages.get(parentId)
    if (!parent || chain.includes(parent)) {
      warnings.push(`parent page ${parentId} ${parent ? 'is its own ancestor' : 'is not in the export'}, so the page's path starts below it`)
      break
    }
    chain.unshift(parent)
    parentId = parent.parent
  }
  const segments = chain.map((page) => {
    const { slug, warning } = postSlug(page, page === item ? title : decodeEntities(htmlToText(page.title)))
    if (warning && page === item) warnings.push(warning)
    return slug
  })
  if (RESERVED_TOP_LEVEL_SEGMENTS.includes(segments[0])) {
    const renamed = `${segments[0]}-page`
    warnings.push(`"${segments[0]}" is an address this site already serves (/${segments[0]}); using "${renamed}"`)
    segments[0] = renamed
  }
  return { slug: segments.join('/'), warnings }
}

/** Whether the old address still reaches the item: posts through the `/YYYY/MM/DD/<slug>/` redirect, other kinds only at the same path. */
function checkOldLink(link: string, slug: string, kind: ContentKind, target: ContentTarget): { link: string; reason: string } | undefined {
  const url = target.url(slug)
  if (url === undefined) return { link, reason: `the site has no address for ${kind}s yet; the file is written to ${target.dir}` }
  let pathname: string
  try {
    pathname = new URL(link).pathname
  } catch {
    return { link, reason: 'old link is not a URL' }
  }
  if (kind !== 'post') {
    // The site answers `/<slug>/` with one redirect to `/<slug>`, so the old path must be the new one.
    const old = new URL(link)
    if (pathname.replace(/\/+$/, '') === url && !old.search) return undefined
    if (old.search) return { link, reason: `old address ${pathname}${old.search} is not a path this site can serve; the page is now ${url}` }
    const first = pathname.split('/')[1]
    if (RESERVED_TOP_LEVEL_SEGMENTS.includes(first)) return { link, reason: `/${first} is this site's own address; the page is now ${url}` }
    return { link, reason: `old address ${pathname} differs from ${url}` }
  }
  const match = /^\/\d{4}\/\d{2}\/\d{2}\/([^/]+)\/?$/.exec(pathname)
  if (!match) return { link, reason: 'old link is not of the form /YYYY/MM/DD/<slug>/' }
  if (match[1] !== slug) return { link, reason: `slug in the old link ("${match[1]}") differs from the new slug ("${slug}")` }
  return undefined
}

type Decision = { skip: string } | { kind: ContentKind; target: ContentTarget; state: PublishState; warnings: string[] }

function decide(item: WxrItem, options: ImportOptions): Decision {
  if (item.postType !== 'post' && item.postType !== 'page') return { skip: `post type "${item.postType || 'unknown'}" is not imported` }
  const kind = item.postType
  const target = targetFor(kind, options)
  if (!target) return { skip: 'page (--no-pages)' }
  const warnings: string[] = []
  let state: PublishState
  switch (item.status) {
    case 'publish':
      state = 'published'
      break
    case 'future':
      // A page has no date to wait for, so a scheduled page waits as a draft.
      state = kind === 'page' ? 'draft' : 'scheduled'
      if (kind === 'page') warnings.push('was scheduled in WordPress; pages have no schedule, so it is imported as a draft')
      break
    case 'draft':
    case 'pending':
      state = 'draft'
      break
    case 'private':
      state = 'draft'
      warnings.push('was private in WordPress; imported as a draft')
      break
    default:
      return { skip: `status "${item.status || 'unknown'}" is not imported` }
  }
  // A password-protected post would otherwise become public.
  if (item.password && state !== 'draft') {
    state = 'draft'
    warnings.push('was password-protected in WordPress; imported as a draft')
  }
  return { kind, target, state, warnings }
}

/** The attachments, reusable blocks and pages of an export, by id. */
export function exportLookup(items: readonly WxrItem[]): ExportLookup {
  const attachments = new Map<string, Attachment>()
  const reusableBlocks = new Map<string, string>()
  const pages = new Map<string, WxrItem>()
  const tagSlugs = new Map<string, string>()
  for (const item of items) {
    for (const term of topicTerms(item)) {
      const name = decodeEntities(term.name)
      const slug = ownTagSlug(term, name)
      if (slug && !tagSlugs.has(tagKey(name))) tagSlugs.set(tagKey(name), slug)
    }
    if (item.postType === 'page') pages.set(item.id, item)
    if (item.postType === 'attachment') {
      attachments.set(item.id, {
        id: item.id,
        url: item.attachmentUrl || item.link,
        alt: item.meta._wp_attachment_image_alt ?? '',
        caption: item.excerpt,
        title: decodeEntities(item.title),
        parent: item.parent,
      })
    }
    if (item.postType === 'wp_block') reusableBlocks.set(item.id, item.content)
  }
  return { attachments, reusableBlocks, pages, tagSlugs }
}

function featuredImage(item: WxrItem, lookup: ExportLookup, media: MediaResolver, warnings: string[]): { src: string; alt: string } | undefined {
  const id = item.meta._thumbnail_id?.trim()
  if (!id) return undefined
  const attachment = lookup.attachments.get(id)
  if (!attachment?.url) {
    warnings.push(`featured image (attachment #${id}) is not in the export; no image set`)
    return undefined
  }
  const target = media(attachment.url, 'image')
  if (target.gone) {
    warnings.push(`featured image ${attachment.url} answers nowhere; no image set`)
    return undefined
  }
  const alt = describedBy(attachment.url, undefined, attachment)
  if (!alt) warnings.push(`the featured image had no text alternative in WordPress: imageAlt is "${TEXT_ALTERNATIVE_MISSING}" for you to describe`)
  return { src: target.src, alt: alt ?? TEXT_ALTERNATIVE_MISSING }
}

const EMPTY_LOOKUP: ExportLookup = { attachments: new Map(), reusableBlocks: new Map(), pages: new Map(), tagSlugs: new Map() }

/** Converts one item to a file, or says why it is skipped. Slug clashes are resolved by `planImport`. */
export function convertItem(item: WxrItem, options: ImportOptions = {}, lookup: ExportLookup = EMPTY_LOOKUP): ConvertedItem | SkippedItem {
  // Titles may hold markup ("Title <em>With</em> Markup") and double-encoded entities; readers saw text.
  const title = decodeEntities(htmlToText(item.title))
  const skipped = (reason: string): SkippedItem => ({ id: item.id, title: title || `(item ${item.id})`, postType: item.postType, reason })
  const decision = decide(item, options)
  if ('skip' in decision) return skipped(decision.skip)
  const isPage = decision.kind === 'page'

  const date = postDate(item)
  if (!date && !isPage) return skipped('no usable date (post, GMT and modified dates are all empty)')

  const warnings = [...decision.warnings]
  const shownTitle = title || 'Untitled'
  if (!title) warnings.push('has no title; imported as "Untitled"')

  let slug: string
  if (isPage) {
    const page = pageSlug(item, title, lookup.pages)
    slug = page.slug
    warnings.push(...page.warnings)
  } else {
    const post = postSlug(item, title)
    slug = post.slug
    if (post.warning) warnings.push(post.warning)
  }

  const media = options.media ?? keepRemoteMedia
  const body = htmlToMdx(item.content, {
    media,
    attachments: lookup.attachments,
    reusableBlocks: lookup.reusableBlocks,
    postId: item.id,
    baseUrl: options.baseUrl,
  })
  warnings.push(...body.warnings)

  const featured = featuredImage(item, lookup, media, warnings)
  const image = featured?.src
  const images = imageUrls(body.mdx)
  if (image && /^https?:/.test(image) && !images.includes(image)) images.push(image)
  if (images.length) warnings.push(`${images.length} image(s) still load from the old site: ${images.join(', ')}`)

  let summary = cleanSummaryText(htmlToText(item.excerpt)) || summaryFrom(body.paragraphs)
  if (!summary) {
    summary = shownTitle
    warnings.push('has no excerpt or body text; the title is used as the summary')
  }

  const tags = isPage ? {} : tagsOf(item, lookup)
  const { kind, target, state } = decision
  const documentKind = documentKindOf(decision.kind)
  // What WordPress says of the item, as the site's fields: each kind keeps the fields it defines (a page has no date, author or hero).
  const values: Record<string, unknown> = {
    title: shownTitle,
    summary,
    draft: state === 'draft',
    date,
    tags: Object.keys(tags),
    author: authorFor(item, options.author),
    image,
    // The site requires alt text with a hero; WordPress keeps it on the attachment.
    imageAlt: image ? featured?.alt : undefined,
    comments: item.commentStatus === 'closed' ? 'closed' : undefined,
  }
  if (image && !('image' in documentKind.fields)) warnings.push(`featured image ${image} not kept: ${documentKind.folder} have no image field`)
  const head = writeFrontMatter(documentKind, Object.fromEntries(Object.entries(values).filter(([name]) => name in documentKind.fields)))
  const mdx = `${head}\n${body.mdx}`

  const approved = approvedComments(item.comments)
  const comments = approved.comments
  return {
    kind,
    id: item.id,
    title: shownTitle,
    slug,
    path: `${target.dir.replace(/\/+$/, '')}/${slug}.mdx`,
    url: target.url(slug),
    mdx,
    state,
    date: isPage ? undefined : date,
    tags,
    warnings,
    onlyShortcodes: onlyShortcodesIn(item.content),
    // Drafts were never public, so no old address needs to keep working.
    unmappedLink: state === 'draft' ? undefined : checkOldLink(item.link, slug, kind, target),
    comments,
    commentsLeftOut: item.comments.length - comments.length,
  }
}

function isSkipped(result: ConvertedItem | SkippedItem): result is SkippedItem {
  return 'reason' in result
}

/** Converts every item; two items wanting one file get `-2`, `-3`… so neither is lost. */
export function planImport(items: WxrItem[], options: ImportOptions = {}): ImportPlan {
  const plan: ImportPlan = { items: [], skipped: [] }
  const lookup = exportLookup(items)
  const taken = new Set<string>()
  for (const item of items) {
    const result = convertItem(item, options, lookup)
    if (isSkipped(result)) {
      plan.skipped.push(result)
      continue
    }
    let converted = result
    if (taken.has(result.path)) {
      // A child page's slug holds its parents' (`about/team`): number the last segment only.
      const base = result.path.slice(0, -`${result.slug}.mdx`.length)
      let n = 2
      while (taken.has(`${base}${result.slug}-${n}.mdx`)) n += 1
      const slug = `${result.slug}-${n}`
      const target = targetFor(result.kind, options)!
      converted = {
        ...result,
        slug,
        path: `${base}${slug}.mdx`,
        url: target.url(slug),
        warnings: [...result.warnings, `slug "${result.slug}" already used by another item; using "${slug}"`],
        unmappedLink: result.state === 'draft' ? undefined : checkOldLink(item.link, slug, result.kind, target),
      }
    }
    taken.add(converted.path)
    plan.items.push(converted)
  }
  return plan
}
