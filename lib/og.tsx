/**
 * The Open Graph cards: 1200×630 PNGs in the site's own look (light surface,
 * near-black text, the blue rule under the header). Routes under app/og call
 * these; the URLs and sizes live in lib/og-urls.ts.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { ReactNode } from 'react'
import { ImageResponse } from '@vercel/og'
import type { Author, Post } from './content'
import { formatDate } from './dates'
import { readFontMetrics, textWidthEm } from './font-metrics'
import { cardTags, fitText, keepDrawable, MAX_CARD_TAGS, truncateToWidth, type FitStep } from './og-layout'
import { OG_HEIGHT, OG_WIDTH } from './og-urls'
import { site } from './site'

// Read once per server process from the repo, never fetched: cards must render offline and identically everywhere.
const FONT_DIR = path.join(process.cwd(), 'assets', 'fonts')
const regularFont = readFileSync(path.join(FONT_DIR, 'NotoSans-Regular.ttf'))
const boldFont = readFileSync(path.join(FONT_DIR, 'NotoSans-Bold.ttf'))
const regular = readFontMetrics(regularFont)
const bold = readFontMetrics(boldFont)
const measureRegular = (text: string) => textWidthEm(regular, text)
const measureBold = (text: string) => textWidthEm(bold, text)
// Both weights are subset to the same characters, so one check covers either.
const drawable = (text: string) => keepDrawable(text, (codePoint) => regular.advances.has(codePoint) && bold.advances.has(codePoint))

const FONT_FAMILY = 'Noto Sans'
const fonts = [
  { name: FONT_FAMILY, data: regularFont, weight: 400 as const, style: 'normal' as const },
  { name: FONT_FAMILY, data: boldFont, weight: 700 as const, style: 'normal' as const },
]

/** Colours from app/globals.css (light theme); each text colour passes WCAG AA on the surface it sits on. */
const colours = { bg: '#ffffff', fg: '#0b0c0c', muted: '#505a5f', border: '#b1b4b6', surface: '#f3f2f1', link: '#1d70b8' }

/** The URL carries a content fingerprint (lib/og-urls.ts), so a card at one URL never changes. */
export const OG_CACHE_CONTROL = 'public, max-age=31536000, immutable'

const PADDING_X = 72
export const CONTENT_WIDTH = OG_WIDTH - 2 * PADDING_X
/** Kerning and rounding make real lines a touch wider than the advance sum, so layout leaves slack. */
const WIDTH_SLACK = 0.97
const HEADER_HEIGHT = 104
const RULE = 8
const LINE_HEIGHT = 1.15

/** Sizes the title steps down through; each step's lines fit the 300px between header and footer. */
export const TITLE_STEPS: readonly FitStep[] = [
  { fontSize: 80, maxLines: 3 },
  { fontSize: 64, maxLines: 4 },
  { fontSize: 52, maxLines: 5 },
]
const META_SIZE = 30
const TAG_SIZE = 24
const TAG_GAP = 12
const TAG_PADDING_X = 14

export type CardContent = {
  title: string
  /** A line under the title, muted: date and author, or the site's address. */
  meta: string
  tags: string[]
}

export type CardLayout = {
  siteName: string
  title: { fontSize: number; lines: string[] }
  meta: string
  tags: string[]
}

/** Everything the card draws, already fitted to its box; pure apart from the font metrics read at load. */
export function layoutCard(content: CardContent, siteName: string = site.name): CardLayout {
  const width = CONTENT_WIDTH * WIDTH_SLACK
  const title = fitText(drawable(content.title), width, TITLE_STEPS, measureBold)
  const tagWidth = (width - TAG_GAP * (MAX_CARD_TAGS - 1)) / MAX_CARD_TAGS - 2 * TAG_PADDING_X - 4
  return {
    siteName: truncateToWidth(drawable(siteName), width / 36, measureBold),
    title: { fontSize: title.fontSize, lines: title.lines },
    meta: truncateToWidth(drawable(content.meta), width / META_SIZE, measureRegular),
    tags: cardTags(content.tags)
      .map((tag) => truncateToWidth(drawable(tag), tagWidth / TAG_SIZE, measureRegular))
      .filter(Boolean),
  }
}

export function postCardContent(post: Post, author: Author | undefined): CardContent {
  return {
    // A title of only emoji or other scripts the font lacks still needs a headline.
    title: drawable(post.title) || post.slug,
    meta: [formatDate(post.date), author?.name].filter(Boolean).join(' · '),
    tags: [...post.tags],
  }
}

export function siteCardContent(): CardContent {
  return { title: site.description, meta: new URL(site.url).host, tags: [] }
}

function Card({ layout }: { layout: CardLayout }): ReactNode {
  return (
    <div
      style={{
        width: OG_WIDTH,
        height: OG_HEIGHT,
        display: 'flex',
        flexDirection: 'column',
        background: colours.bg,
        color: colours.fg,
        fontFamily: FONT_FAMILY,
      }}
    >
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          height: HEADER_HEIGHT + RULE,
          padding: `0 ${PADDING_X}px`,
          background: colours.surface,
          borderBottom: `${RULE}px solid ${colours.link}`,
          fontSize: 36,
          fontWeight: 700,
        }}
      >
        {layout.siteName}
      </div>
      <div
        style={{
          display: 'flex',
          flex: 1,
          flexDirection: 'column',
          justifyContent: 'space-between',
          padding: `40px ${PADDING_X}px 44px`,
          overflow: 'hidden',
        }}
      >
        <div style={{ display: 'flex', flexDirection: 'column', fontSize: layout.title.fontSize, fontWeight: 700, lineHeight: LINE_HEIGHT }}>
          {layout.title.lines.map((line, index) => (
            <div key={index} style={{ display: 'flex', whiteSpace: 'pre' }}>
              {line}
            </div>
          ))}
        </div>
        <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
          <div style={{ display: 'flex', fontSize: META_SIZE, color: colours.muted, whiteSpace: 'pre' }}>{layout.meta}</div>
          {layout.tags.length > 0 && (
            <div style={{ display: 'flex', gap: TAG_GAP }}>
              {layout.tags.map((tag) => (
                <div
                  key={tag}
                  style={{
                    display: 'flex',
                    fontSize: TAG_SIZE,
                    padding: `2px ${TAG_PADDING_X}px`,
                    border: `2px solid ${colours.border}`,
                    background: colours.surface,
                    whiteSpace: 'pre',
                  }}
                >
                  {tag}
                </div>
              ))}
            </div>
          )}
        </div>
      </div>
    </div>
  )
}

function renderCard(content: CardContent): ImageResponse {
  return new ImageResponse(<Card layout={layoutCard(content)} />, {
    width: OG_WIDTH,
    height: OG_HEIGHT,
    fonts,
    headers: { 'content-type': 'image/png', 'cache-control': OG_CACHE_CONTROL },
  })
}

/** Only ever called with a published post: the routes check with getPublishedPost first. */
export function renderPostCard(post: Post, author: Author | undefined): ImageResponse {
  return renderCard(postCardContent(post, author))
}

export function renderSiteCard(): ImageResponse {
  return renderCard(siteCardContent())
}
