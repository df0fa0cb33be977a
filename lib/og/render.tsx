/**
 * The Open Graph cards: 1200×630 PNGs in the site's own look (light surface,
 * near-black text, the blue rule under the header). Routes under app/og call
 * these; the URLs are in ./urls.ts, the sizes and colours in ./layout.ts.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { ReactNode } from 'react'
import { ImageResponse } from '@vercel/og'
import sharp from 'sharp'
import type { Author, Post } from '../content'
import { PUBLIC_IMMUTABLE } from '../http'
import { defaultWidth, postHero } from '../images'
import { storedVariant } from '../images/server'
import { readFontMetrics } from './font-metrics'
import {
  CARD,
  CARD_IMAGE_WIDTH,
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
export const OG_CACHE_CONTROL = PUBLIC_IMMUTABLE

function Card({ layout, image }: { layout: CardLayout; image?: string }): ReactNode {
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
      <div style={{ display: 'flex', flex: 1, overflow: 'hidden' }}>
        <div
          style={{
            display: 'flex',
            width: layout.textWidth + 2 * CARD.paddingX,
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
        {image ? (
          // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- satori draws this into the card
          <img src={image} width={CARD_IMAGE_WIDTH} height={OG_HEIGHT - CARD.headerHeight - CARD.rule} style={{ objectFit: 'cover' }} />
        ) : null}
      </div>
    </div>
  )
}

function renderCard(content: CardContent, image?: string): ImageResponse {
  return new ImageResponse(<Card layout={layoutCard(content, metrics, undefined, { withImage: Boolean(image) })} image={image} />, {
    width: OG_WIDTH,
    height: OG_HEIGHT,
    fonts,
    headers: { 'content-type': 'image/png', 'cache-control': OG_CACHE_CONTROL },
  })
}

/** The hero as a data URI for satori: the JPEG/PNG variant just wider than the panel, read from the build's store. */
function heroDataUri(post: Post): string | undefined {
  const hero = postHero(post)
  if (!hero) return undefined
  const width = defaultWidth(hero.image, CARD_IMAGE_WIDTH)
  const type = hero.image.fallback === 'png' ? 'image/png' : 'image/jpeg'
  return `data:${type};base64,${readFileSync(storedVariant(hero.image.hash, width, hero.image.fallback)).toString('base64')}`
}

/**
 * Only ever called with a published post: the routes check with getPublishedPost first.
 * A card with a photo drawn in is a JPEG: as a PNG it would be ~750 KB, past what some chat apps will preview.
 */
export async function renderPostCard(post: Post, author: Author | undefined): Promise<Response> {
  const image = heroDataUri(post)
  const card = renderCard(postCardContent(post, author), image)
  if (!image) return card
  const jpeg = await sharp(Buffer.from(await card.arrayBuffer()))
    .jpeg({ quality: 85, mozjpeg: true })
    .toBuffer()
  return new Response(new Uint8Array(jpeg), { headers: { 'content-type': 'image/jpeg', 'cache-control': OG_CACHE_CONTROL } })
}

/** Only ever called with a published page, like renderPostCard. */
export function renderPageCard(page: { title: string }): ImageResponse {
  return renderCard(pageCardContent(page))
}

export function renderSiteCard(): ImageResponse {
  return renderCard(siteCardContent())
}
