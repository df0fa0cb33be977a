/**
 * The Open Graph cards' layout: their geometry, their colours (read from the
 * site's stylesheet), what each card says (from a post, a page or the site's
 * configuration), and the text fitted to its box. The card renderer draws
 * exactly the lines chosen here, one element per line, so a title can never
 * run past its box: it shrinks through a few sizes, then is clamped with an ellipsis.
 */
import { site } from '../config'
import { formatDate, type Author, type Post } from '../content'
import { textWidthEm, type FontMetrics } from './font-metrics'

/** Open Graph's recommended card size. */
export const OG_WIDTH = 1200
export const OG_HEIGHT = 630

/** Width of a run of text in ems at the card's font (see ./font-metrics.ts). */
export type Measure = (text: string) => number

export type FitStep = { fontSize: number; maxLines: number }

export type TextFit = { fontSize: number; lines: string[]; clamped: boolean }

export const ELLIPSIS = '…'

/** Drops characters the card font cannot draw, so the renderer never reaches for a network fallback font or emoji. */
export function keepDrawable(text: string, hasGlyph: (codePoint: number) => boolean): string {
  let kept = ''
  for (const char of text) {
    const codePoint = char.codePointAt(0)!
    if (/\s/.test(char)) kept += ' '
    else if (hasGlyph(codePoint)) kept += char
  }
  return kept.replace(/ {2,}/g, ' ').trim()
}

/** Cuts a word wider than a line into line-wide pieces, since it has no space to break at. */
function splitLongWord(word: string, maxWidthEm: number, measure: Measure): string[] {
  const pieces: string[] = []
  let piece = ''
  for (const char of word) {
    if (piece && measure(piece + char) > maxWidthEm) {
      pieces.push(piece)
      piece = ''
    }
    piece += char
  }
  if (piece) pieces.push(piece)
  return pieces
}

/** Greedy word wrap: as many words on each line as fit. */
export function wrapWords(text: string, maxWidthEm: number, measure: Measure): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ').filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word
    if (measure(candidate) <= maxWidthEm) {
      line = candidate
      continue
    }
    if (line) lines.push(line)
    line = ''
    const pieces = measure(word) <= maxWidthEm ? [word] : splitLongWord(word, maxWidthEm, measure)
    lines.push(...pieces.slice(0, -1))
    line = pieces.at(-1) ?? ''
  }
  if (line) lines.push(line)
  return lines
}

/** Shortens one line so it, plus an ellipsis, fits: whole words first, characters only for a single giant word. */
export function withEllipsis(line: string, maxWidthEm: number, measure: Measure): string {
  // Punctuation or a dash left hanging before the ellipsis reads as a typo.
  const finish = (text: string) => text.replace(/[\s,;:.\-–—]+$/u, '') + ELLIPSIS
  let words = line.split(' ')
  while (words.length > 1 && measure(finish(words.join(' '))) > maxWidthEm) words = words.slice(0, -1)
  let text = words.join(' ')
  let chars = [...text]
  while (chars.length > 1 && measure(finish(chars.join(''))) > maxWidthEm) chars = chars.slice(0, -1)
  text = chars.join('')
  return finish(text)
}

/** Fits one line of text (a name, a tag) to a width, with an ellipsis when it is too long. */
export function truncateToWidth(text: string, maxWidthEm: number, measure: Measure): string {
  return measure(text) <= maxWidthEm ? text : withEllipsis(text, maxWidthEm, measure)
}

/**
 * The largest step whose size fits the text in its line limit; when none does,
 * the last (smallest) step with the text cut after its last line and an ellipsis.
 */
export function fitText(text: string, widthPx: number, steps: readonly FitStep[], measure: Measure): TextFit {
  if (steps.length === 0) throw new Error('fitText needs at least one step')
  for (const { fontSize, maxLines } of steps) {
    const lines = wrapWords(text, widthPx / fontSize, measure)
    if (lines.length <= maxLines) return { fontSize, lines, clamped: false }
  }
  const { fontSize, maxLines } = steps.at(-1)!
  const maxWidthEm = widthPx / fontSize
  const lines = wrapWords(text, maxWidthEm, measure).slice(0, maxLines)
  lines[maxLines - 1] = withEllipsis(lines[maxLines - 1], maxWidthEm, measure)
  return { fontSize, lines, clamped: true }
}

/** The card shows at most this many tags, in the post's order. */
export const MAX_CARD_TAGS = 3

export function cardTags(tags: readonly string[]): string[] {
  return tags.slice(0, MAX_CARD_TAGS)
}

/** The card's geometry in pixels; ./render.tsx draws with these, and fitting measures against them. */
export const CARD = {
  paddingX: 72,
  headerHeight: 104,
  rule: 8,
  siteNameSize: 36,
  lineHeight: 1.15,
  metaSize: 30,
  tagSize: 24,
  tagGap: 12,
  tagPaddingX: 14,
  /** Kerning and rounding make real lines a touch wider than the advance sum, so fitting leaves slack. */
  widthSlack: 0.97,
} as const

export const CARD_CONTENT_WIDTH = OG_WIDTH - 2 * CARD.paddingX

/**
 * With a hero the picture takes the right 40% below the band, and the text
 * keeps the left: a title of 3 lines at 64 px is still ~20 px tall in a 400 px
 * wide link preview, which is as small as the cards are shown.
 */
export const CARD_IMAGE_WIDTH = 480
export const CARD_TEXT_WIDTH_WITH_IMAGE = OG_WIDTH - CARD_IMAGE_WIDTH - 2 * CARD.paddingX

const CARD_COLOURS = ['bg', 'fg', 'muted', 'border', 'surface', 'link'] as const

export type CardColours = Record<(typeof CARD_COLOURS)[number], string>

/**
 * The card's colours: the light theme's, from the site's stylesheet (its first
 * `:root` block), so the card and the pages share one palette. Each text
 * colour there passes WCAG AA on the surface it sits on.
 */
export function cardColours(css: string): CardColours {
  const root = /:root\s*\{([^{}]*)\}/.exec(css)?.[1] ?? ''
  const colour = (name: string) => {
    const value = new RegExp(`(?:^|[\\s;])--${name}:\\s*([^;]+);`).exec(root)?.[1].trim()
    if (!value) throw new Error(`The stylesheet's first :root block has no --${name} for the Open Graph card`)
    return value
  }
  return Object.fromEntries(CARD_COLOURS.map((name) => [name, colour(name)])) as CardColours
}

/** Sizes the title steps down through; each step's lines fit the ~300px between header and footer. */
export const TITLE_STEPS: readonly FitStep[] = [
  { fontSize: 80, maxLines: 3 },
  { fontSize: 64, maxLines: 4 },
  { fontSize: 52, maxLines: 5 },
]

/** Title steps beside a hero: the column is narrower, so the steps start smaller. */
export const TITLE_STEPS_WITH_IMAGE: readonly FitStep[] = [
  { fontSize: 64, maxLines: 3 },
  { fontSize: 54, maxLines: 4 },
  { fontSize: 46, maxLines: 5 },
]

export type CardFonts = { regular: FontMetrics; bold: FontMetrics }

export type CardContent = {
  title: string
  /** Shown instead when the title has nothing the font can draw (only emoji, say). */
  fallbackTitle: string
  /** A muted line under the title: date and author, or the site's address. */
  meta: string
  tags: readonly string[]
}

export type CardLayout = {
  siteName: string
  /** The text column's width; narrower when a hero picture is drawn beside it. */
  textWidth: number
  title: { fontSize: number; lines: string[] }
  meta: string
  tags: string[]
}

/** Everything the card draws, already fitted to its box. */
export function layoutCard(content: CardContent, fonts: CardFonts, siteName: string = site.name, { withImage = false } = {}): CardLayout {
  // Both weights are subset to the same characters, so text either can draw is safe in both.
  const drawable = (text: string) => keepDrawable(text, (codePoint) => fonts.regular.advances.has(codePoint) && fonts.bold.advances.has(codePoint))
  const measureRegular: Measure = (text) => textWidthEm(fonts.regular, text)
  const measureBold: Measure = (text) => textWidthEm(fonts.bold, text)
  const textWidth = withImage ? CARD_TEXT_WIDTH_WITH_IMAGE : CARD_CONTENT_WIDTH
  const width = textWidth * CARD.widthSlack
  const title = fitText(
    drawable(content.title) || drawable(content.fallbackTitle),
    width,
    withImage ? TITLE_STEPS_WITH_IMAGE : TITLE_STEPS,
    measureBold,
  )
  const tagWidth = (width - CARD.tagGap * (MAX_CARD_TAGS - 1)) / MAX_CARD_TAGS - 2 * CARD.tagPaddingX - 4
  return {
    // The band spans the whole card whatever the picture does.
    siteName: truncateToWidth(drawable(siteName), (CARD_CONTENT_WIDTH * CARD.widthSlack) / CARD.siteNameSize, measureBold),
    textWidth,
    title: { fontSize: title.fontSize, lines: title.lines },
    meta: truncateToWidth(drawable(content.meta), width / CARD.metaSize, measureRegular),
    tags: cardTags(content.tags)
      .map((tag) => truncateToWidth(drawable(tag), tagWidth / CARD.tagSize, measureRegular))
      .filter(Boolean),
  }
}

export function postCardContent(post: Pick<Post, 'title' | 'slug' | 'date' | 'tags'>, author: Pick<Author, 'name'> | undefined): CardContent {
  return {
    title: post.title,
    // The slug's words, so it wraps like a title.
    fallbackTitle: post.slug.replace(/-/g, ' '),
    meta: [formatDate(post.date), author?.name].filter(Boolean).join(' · '),
    tags: post.tags,
  }
}

export function siteCardContent(): CardContent {
  return { title: site.description, fallbackTitle: site.name, meta: new URL(site.url).host, tags: [] }
}

/** A page's card is the site card with the page's title in place of the site's description. */
export function pageCardContent(page: { title: string }): CardContent {
  return { ...siteCardContent(), title: page.title }
}
