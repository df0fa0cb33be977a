import { isValidPostSlug, plainText, slugify } from '../markdown'
import { decodeEntities, htmlToMdx, htmlToText } from './html-to-mdx'
import type { WxrItem } from './wxr'

export type ImportOptions = {
  /** Folder for posts, as written in paths (default `content/posts`). */
  postsDir?: string
  /** Folder for pages; pages are skipped when not given. */
  pagesDir?: string
  /** Author id for every post, or a map from WordPress login (`dc:creator`) to author id. */
  author?: string | Record<string, string>
}

export type PublishState = 'published' | 'draft' | 'scheduled'

export type ConvertedItem = {
  kind: 'post' | 'page'
  id: string
  title: string
  slug: string
  path: string
  mdx: string
  state: PublishState
  date: string
  /** Tag slug → the WordPress display names that produced it. */
  tags: Record<string, string[]>
  warnings: string[]
  /** Set when the old address cannot be reached through the `/YYYY/MM/DD/<slug>/` redirect. */
  unmappedLink?: { link: string; reason: string }
}

export type SkippedItem = { id: string; title: string; postType: string; reason: string }

export type ImportPlan = { items: ConvertedItem[]; skipped: SkippedItem[] }

const ZERO_DATE = /^0000-00-00/
const SUMMARY_LENGTH = 200

/** Letters NFKD does not split into base letter + accent, so slugify keeps them as non-ASCII. */
const UNDECOMPOSED_LETTERS: Record<string, string> = {
  ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', ħ: 'h', Ħ: 'H', ı: 'i',
  ŧ: 't', Ŧ: 'T', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', þ: 'th', Þ: 'TH',
}

/**
 * `slugify` narrowed to what a post file name may be (lib/slug.ts
 * `isValidPostSlug`): letters without an ASCII form are dropped, hyphen runs
 * collapsed. Empty when nothing ASCII is left.
 */
export function asciiSlug(text: string): string {
  const folded = text.replace(/[łŁøØđĐðÐħĦıŧŦßæÆœŒþÞ]/g, (letter) => UNDECOMPOSED_LETTERS[letter])
  const slug = slugify(folded)
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
  return slug.length > 200 ? slug.slice(0, 200).replace(/-[^-]*$/, '') : slug
}

function postSlug(item: WxrItem, title: string): { slug: string; warning?: string } {
  if (isValidPostSlug(item.postName)) return { slug: item.postName }
  // WordPress stores non-ASCII slugs percent-encoded ("%c5%b5-croeso").
  let decoded = item.postName
  try {
    decoded = decodeURIComponent(item.postName)
  } catch {
    // Not valid percent-encoding: use the name as it is.
  }
  const slug = asciiSlug(decoded) || asciiSlug(title) || `post-${item.id}`
  const warning = item.postName ? `slug "${item.postName}" is not a valid file name; using "${slug}"` : undefined
  return { slug, warning }
}

/** `2014-03-24 10:15:00` → `2014-03-24T10:15:00`, or undefined for WordPress's zero date. */
function isoLocal(value: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)$/.exec(value)
  if (!match || ZERO_DATE.test(value)) return undefined
  return `${match[1]}T${match[2].length === 5 ? `${match[2]}:00` : match[2]}`
}

/** The offset between local and GMT times, as `+01:00`, so the date keeps both its wall time and its instant. */
function offsetBetween(local: string, gmt: string): string {
  const minutes = Math.round((Date.parse(`${local}Z`) - Date.parse(`${gmt}Z`)) / 60000)
  if (minutes === 0) return 'Z'
  const sign = minutes < 0 ? '-' : '+'
  const absolute = Math.abs(minutes)
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`
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
    const local = isoLocal(localValue)
    if (!local) continue
    const gmt = isoLocal(gmtValue)
    return `${local}${gmt ? offsetBetween(local, gmt) : 'Z'}`
  }
  return undefined
}

/** First sentences of the body's paragraphs, up to about 200 characters, for listings and feeds. */
function summaryFrom(mdx: string): string {
  // Headings and figures are not sentences; they would run into the first paragraph.
  const prose = mdx
    .split('\n')
    .filter((line) => !/^(#{1,6}\s|<Figure\b)/.test(line))
    .join('\n')
  const text = plainText(prose).replace(/\\([!-/:-@[-`{-~])/g, '$1')
  const sentences = text.split(/(?<=[.!?…]["'’”)]*)\s+/)
  let summary = ''
  for (const sentence of sentences) {
    if (summary && `${summary} ${sentence}`.length > SUMMARY_LENGTH) break
    summary = summary ? `${summary} ${sentence}` : sentence
  }
  if (summary.length <= SUMMARY_LENGTH + 20) return summary
  return `${summary.slice(0, SUMMARY_LENGTH).replace(/\s+\S*$/, '')}…`
}

/** Absolute image addresses in the body: the importer copies no files, so these still point at WordPress. */
function imageUrls(mdx: string): string[] {
  const urls = [
    ...[...mdx.matchAll(/!\[[^\]]*\]\((https?:\/\/[^\s)]+)/g)].map((match) => match[1]),
    ...[...mdx.matchAll(/\bsrc=(?:"(https?:\/\/[^"]+)"|\{"(https?:\/\/[^"]+)"\})/g)].map((match) => match[1] ?? match[2]),
  ]
  return [...new Set(urls)]
}

/** Categories and tags become tags; post formats ("Standard", "Video") describe layout, not topic. */
function tagsOf(item: WxrItem): Record<string, string[]> {
  const tags: Record<string, string[]> = {}
  for (const term of item.terms) {
    if (term.domain !== 'category' && term.domain !== 'post_tag') continue
    const name = decodeEntities(term.name)
    const slug = asciiSlug(name) || slugify(name)
    if (!slug) continue
    tags[slug] ??= []
    if (!tags[slug].includes(name)) tags[slug].push(name)
  }
  return tags
}

/** A slug as a YAML scalar: plain, as in the seed posts, unless YAML would read it as a number, boolean or null. */
function yamlSlug(tag: string): string {
  return /^[a-z][a-z0-9-]*$/.test(tag) && !/^(true|false|null|yes|no|on|off|y|n)$/.test(tag) ? tag : JSON.stringify(tag)
}

function frontmatter(fields: { title: string; date: string; summary: string; tags: string[]; draft: boolean; author?: string }): string {
  const lines = ['---', `title: ${JSON.stringify(fields.title)}`, `date: ${fields.date}`, `summary: ${JSON.stringify(fields.summary)}`]
  if (fields.tags.length) lines.push(`tags: [${fields.tags.map(yamlSlug).join(', ')}]`)
  if (fields.draft) lines.push('draft: true')
  if (fields.author) lines.push(`author: ${yamlSlug(fields.author)}`)
  lines.push('---')
  return `${lines.join('\n')}\n`
}

function authorFor(item: WxrItem, option: ImportOptions['author']): string | undefined {
  if (typeof option === 'string') return option || undefined
  return option?.[item.creator]
}

/** Whether the site's `/YYYY/MM/DD/<slug>/` → `/posts/<slug>` redirect reaches this post. */
function checkOldLink(link: string, slug: string, kind: 'post' | 'page'): { link: string; reason: string } | undefined {
  if (kind === 'page') return { link, reason: 'pages are not covered by the /YYYY/MM/DD/<slug>/ redirect' }
  let pathname: string
  try {
    pathname = new URL(link).pathname
  } catch {
    return { link, reason: 'old link is not a URL' }
  }
  const match = /^\/\d{4}\/\d{2}\/\d{2}\/([^/]+)\/?$/.exec(pathname)
  if (!match) return { link, reason: 'old link is not of the form /YYYY/MM/DD/<slug>/' }
  if (match[1] !== slug) return { link, reason: `slug in the old link ("${match[1]}") differs from the new slug ("${slug}")` }
  return undefined
}

type Decision = { skip: string } | { kind: 'post' | 'page'; state: PublishState; warnings: string[] }

function decide(item: WxrItem, options: ImportOptions): Decision {
  if (item.postType === 'page' && !options.pagesDir) return { skip: 'page (pass --pages-out <dir> to import pages)' }
  if (item.postType !== 'post' && item.postType !== 'page') return { skip: `post type "${item.postType || 'unknown'}" is not imported` }
  const kind = item.postType
  const warnings: string[] = []
  let state: PublishState
  switch (item.status) {
    case 'publish':
      state = 'published'
      break
    case 'future':
      state = 'scheduled'
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
  return { kind, state, warnings }
}

/** Converts one item to a file, or says why it is skipped. Slug clashes are resolved by `planImport`. */
export function convertItem(item: WxrItem, options: ImportOptions = {}): ConvertedItem | SkippedItem {
  const title = decodeEntities(item.title)
  const skipped = (reason: string): SkippedItem => ({ id: item.id, title: title || `(item ${item.id})`, postType: item.postType, reason })
  const decision = decide(item, options)
  if ('skip' in decision) return skipped(decision.skip)

  const date = postDate(item)
  if (!date) return skipped('no usable date (post, GMT and modified dates are all empty)')

  const warnings = [...decision.warnings]
  const shownTitle = title || 'Untitled'
  if (!title) warnings.push('has no title; imported as "Untitled"')

  const { slug, warning: slugWarning } = postSlug(item, title)
  if (slugWarning) warnings.push(slugWarning)

  const body = htmlToMdx(item.content)
  warnings.push(...body.warnings)
  const images = imageUrls(body.mdx)
  if (images.length) warnings.push(`${images.length} image(s) still load from the old site: ${images.join(', ')}`)

  let summary = htmlToText(item.excerpt) || summaryFrom(body.mdx)
  if (!summary) {
    summary = shownTitle
    warnings.push('has no excerpt or body text; the title is used as the summary')
  }

  const tags = tagsOf(item)
  const dir = decision.kind === 'page' ? options.pagesDir! : (options.postsDir ?? 'content/posts')
  const mdx = `${frontmatter({
    title: shownTitle,
    date,
    summary,
    tags: Object.keys(tags),
    draft: decision.state === 'draft',
    author: authorFor(item, options.author),
  })}\n${body.mdx}`

  return {
    kind: decision.kind,
    id: item.id,
    title: shownTitle,
    slug,
    path: `${dir.replace(/\/+$/, '')}/${slug}.mdx`,
    mdx,
    state: decision.state,
    date,
    tags,
    warnings,
    // Drafts were never public, so no old address needs to keep working.
    unmappedLink: decision.state === 'draft' ? undefined : checkOldLink(item.link, slug, decision.kind),
  }
}

function isSkipped(result: ConvertedItem | SkippedItem): result is SkippedItem {
  return 'reason' in result
}

/** Converts every item; two items wanting one file get `-2`, `-3`… so neither is lost. */
export function planImport(items: WxrItem[], options: ImportOptions = {}): ImportPlan {
  const plan: ImportPlan = { items: [], skipped: [] }
  const taken = new Set<string>()
  for (const item of items) {
    const result = convertItem(item, options)
    if (isSkipped(result)) {
      plan.skipped.push(result)
      continue
    }
    let converted = result
    if (taken.has(result.path)) {
      let n = 2
      while (taken.has(result.path.replace(/[^/]+\.mdx$/, `${result.slug}-${n}.mdx`))) n += 1
      const slug = `${result.slug}-${n}`
      converted = {
        ...result,
        slug,
        path: result.path.replace(/[^/]+\.mdx$/, `${slug}.mdx`),
        warnings: [...result.warnings, `slug "${result.slug}" already used by another item; using "${slug}"`],
        unmappedLink: result.state === 'draft' ? undefined : checkOldLink(item.link, slug, result.kind),
      }
    }
    taken.add(converted.path)
    plan.items.push(converted)
  }
  return plan
}
