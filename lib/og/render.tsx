/**
 * The Open Graph cards: 1200×630 PNGs in the site's own look (light surface,
 * near-black text, the blue rule under the header). Routes under app/og call
 * these; the URLs are in ./urls.ts, the sizes and colours in ./layout.ts.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { ReactNode } from 'react'
import { ImageResponse } from '@vercel/og'
import type { Author, Post } from '../content'
import { readFontMetrics } from './font-metrics'
import {
  CARD,
  OG_HEIGHT,
  OG_WIDTH,
  cardColours,
  layoutCard,
  pageCardContent,
  postCardContent,
  siteCardContent,
  type CardContent,
  type CardFonts,
  type CardLayout,
} from './layout'

// Read once per server process from the repo, never fetched: cards must render offline and identically everywhere.
const FONT_DIR = path.join(process.cwd(), 'assets', 'fonts')
const regularFont = readFileSync(path.join(FONT_DIR, 'NotoSans-Regular.ttf'))
const boldFont = readFileSync(path.join(FONT_DIR, 'NotoSans-Bold.ttf'))
const metrics: CardFonts = { regular: readFontMetrics(regularFont), bold: readFontMetrics(boldFont) }

const FONT_FAMILY = 'Noto Sans'
const fonts = [
  { name: FONT_FAMILY, data: regularFont, weight: 400 as const, style: 'normal' as const },
  { name: FONT_FAMILY, data: boldFont, weight: 700 as const, style: 'normal' as const },
]

const colours = cardColours(readFileSync(path.join(process.cwd(), 'app', 'globals.css'), 'utf8'))

/** The URL carries a content fingerprint (./urls.ts), so a card at one URL never changes. */
export const OG_CACHE_CONTROL = 'public, max-age=31536000, immutable'

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
          height: CARD.headerHeight + CARD.rule,
          padding: `0 ${CARD.paddingX}px`,
          background: colours.surface,
          borderBottom: `${CARD.rule}px solid ${colours.link}`,
          fontSize: CARD.siteNameSize,
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
          padding: `40px ${CARD.paddingX}px 44px`,
          overflow: 'hidden',
        }}
      >
        <div style={{ display: 'flex', flexDirection: 'column', fontSize: layout.title.fontSize, fontWeight: 700, lineHeight: CARD.lineHeight }}>
          {layout.title.lines.map((line, index) => (
            <div key={index} style={{ display: 'flex', whiteSpace: 'pre' }}>
              {line}
            </div>
          ))}
        </div>
        <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
          <div style={{ display: 'flex', fontSize: CARD.metaSize, color: colours.muted, whiteSpace: 'pre' }}>{layout.meta}</div>
          {layout.tags.length > 0 && (
            <div style={{ display: 'flex', gap: CARD.tagGap }}>
              {layout.tags.map((tag) => (
                <div
                  key={tag}
                  style={{
                    display: 'flex',
                    fontSize: CARD.tagSize,
                    padding: `2px ${CARD.tagPaddingX}px`,
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
  return new ImageResponse(<Card layout={layoutCard(content, metrics)} />, {
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

/** Only ever called with a published page, like renderPostCard. */
export function renderPageCard(page: { title: string }): ImageResponse {
  return renderCard(pageCardContent(page))
}

export function renderSiteCard(): ImageResponse {
  return renderCard(siteCardContent())
}
