/**
 * The Open Graph cards: 1200×630 PNGs in the site's own look (light surface,
 * near-black text, the blue rule under the header). Routes under app/og call
 * these; the URLs are in ./urls.ts, the sizes and colours in ./layout.ts.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { ReactNode } from 'react'
import { ImageResponse } from '@vercel/og'
import * as fontkit from 'fontkit'
import sharp from 'sharp'
import type { Author, Post } from '../content'
import { PUBLIC_IMMUTABLE } from '../http'
import { defaultWidth, postHero } from '../images'
import { storedVariant } from '../images/server'
import { hasRightToLeft, visualRuns } from './bidi'
import { readFontMetrics } from './font-metrics'
import { arabicFont, cjkFontsFor, cjkHasGlyph, isArabicScript, type CardFont, type FontWeight } from './script-fonts'
import { rightToLeftWidthEm, shapeRun } from './shaping'
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
  type CardScripts,
} from './layout'

// Read once per server process from the repo, never fetched: cards must render offline and identically everywhere.
const FONT_DIR = path.join(process.cwd(), 'assets', 'fonts')
const regularFont = readFileSync(path.join(FONT_DIR, 'NotoSans-Regular.ttf'))
const boldFont = readFileSync(path.join(FONT_DIR, 'NotoSans-Bold.ttf'))

/** The Latin fonts as fontkit sees them, for the spaces and punctuation inside right-to-left runs: parsed only when a card has one. */
const latinShapers = new Map<FontWeight, fontkit.Font>()
function latinShaper(weight: FontWeight): fontkit.Font {
  let font = latinShapers.get(weight)
  if (!font) latinShapers.set(weight, (font = fontkit.create(weight === 700 ? boldFont : regularFont) as fontkit.Font))
  return font
}

const scripts: CardScripts = {
  hasGlyph: (codePoint) => {
    const char = String.fromCodePoint(codePoint)
    if (isArabicScript(char)) return arabicFont(400).hasGlyphForCodePoint(codePoint) && arabicFont(700).hasGlyphForCodePoint(codePoint)
    return cjkHasGlyph(codePoint)
  },
  rightToLeftWidth: (text, bold) => rightToLeftWidthEm(text, bold ? 700 : 400, latinShaper(bold ? 700 : 400)),
}

const metrics: CardFonts = { regular: readFontMetrics(regularFont), bold: readFontMetrics(boldFont), scripts }

const FONT_FAMILY = 'Noto Sans'
const latinFonts: CardFont[] = [
  { name: FONT_FAMILY, data: regularFont, weight: 400, style: 'normal' },
  { name: FONT_FAMILY, data: boldFont, weight: 700, style: 'normal' },
]

/**
 * The Latin fonts are every card's; Noto Sans SC's files only for the Chinese
 * and Japanese characters a card shows. Each file is a family of its own, as
 * Satori keeps one font per family, weight and style.
 */
function fontsFor(layout: CardLayout): { fonts: CardFont[]; families: CardFamilies } {
  const bold = cjkFontsFor([layout.siteName, ...layout.title.lines].join(''), 700)
  const regular = cjkFontsFor([layout.meta, ...layout.tags].join(''), 400)
  // Satori takes the first family with a glyph, whatever its weight, so each weight lists its own files.
  const families = (cjk: readonly CardFont[]) => [FONT_FAMILY, ...cjk.map((font) => font.name)].map((name) => `"${name}"`).join(', ')
  return { fonts: [...latinFonts, ...bold, ...regular], families: { bold: families(bold), regular: families(regular) } }
}

type CardFamilies = { bold: string; regular: string }

/** Noto Sans's ascent and descent (per em): where Satori puts the baseline in a line box, and so where shaped runs must. */
const latinExtents = (() => {
  const font = fontkit.create(boldFont) as fontkit.Font
  return { ascent: font.ascent / font.unitsPerEm, descent: -font.descent / font.unitsPerEm }
})()

/**
 * One line of card text. Left-to-right text is Satori's to draw, as before.
 * A line with right-to-left text in it is cut into runs in the order they
 * are seen (./bidi.ts); Satori draws the left-to-right runs and each
 * right-to-left run is an SVG of its shaped outlines (./shaping.ts), with
 * room above and below for marks. Called as a function: Satori takes a
 * component's result as one element, not a list.
 */
function cardLine(text: string, direction: CardLayout['direction'], fontSize: number, weight: FontWeight): ReactNode {
  if (!hasRightToLeft(text)) return text
  const lineHeight = fontSize * CARD.lineHeight
  const room = Math.ceil(fontSize * 0.5)
  const baseline = room + (lineHeight - (latinExtents.ascent + latinExtents.descent) * fontSize) / 2 + latinExtents.ascent * fontSize
  return visualRuns(text, direction).map((run, index) => {
    // Persian and Arabic digits are a left-to-right run, but only the Arabic font has them.
    if (!run.rtl && ![...run.text].some(isArabicScript)) return <span key={index}>{run.text}</span>
    const shaped = shapeRun(run.text, run.rtl ? 'rtl' : 'ltr', fontSize, baseline, weight, latinShaper(weight))
    const width = Math.ceil(shaped.width)
    const height = Math.ceil(lineHeight + 2 * room)
    return (
      <svg
        key={index}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        style={{ marginTop: -room, marginBottom: -room, flexShrink: 0 }}
      >
        {shaped.paths.map((d, glyph) => (
          <path key={glyph} d={d} fill="currentColor" />
        ))}
      </svg>
    )
  })
}

const colours = cardColours(readFileSync(path.join(process.cwd(), 'app', 'globals.css'), 'utf8'))

/** The URL carries a content fingerprint (./urls.ts), so a card at one URL never changes. */
export const OG_CACHE_CONTROL = PUBLIC_IMMUTABLE

function Card({ layout, image, families }: { layout: CardLayout; image?: string; families: CardFamilies }): ReactNode {
  // A right-to-left card starts each line at the right.
  const start = layout.direction === 'rtl' ? 'flex-end' : 'flex-start'
  return (
    <div
      style={{
        width: OG_WIDTH,
        height: OG_HEIGHT,
        display: 'flex',
        flexDirection: 'column',
        background: colours.bg,
        color: colours.fg,
        fontFamily: families.regular,
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
          fontFamily: families.bold,
          justifyContent: layout.siteDirection === 'rtl' ? 'flex-end' : 'flex-start',
        }}
      >
        {cardLine(layout.siteName, layout.siteDirection, CARD.siteNameSize, 700)}
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
          <div
            style={{
              display: 'flex',
              flexDirection: 'column',
              alignItems: start,
              fontSize: layout.title.fontSize,
              fontWeight: 700,
              fontFamily: families.bold,
              lineHeight: CARD.lineHeight,
            }}
          >
            {layout.title.lines.map((line, index) => (
              <div key={index} style={{ display: 'flex', alignItems: 'flex-start', whiteSpace: 'pre' }}>
                {cardLine(line, layout.direction, layout.title.fontSize, 700)}
              </div>
            ))}
          </div>
          <div style={{ display: 'flex', flexDirection: 'column', alignItems: start, gap: 16 }}>
            <div style={{ display: 'flex', alignItems: 'flex-start', fontSize: CARD.metaSize, color: colours.muted, whiteSpace: 'pre' }}>
              {cardLine(layout.meta, layout.direction, CARD.metaSize, 400)}
            </div>
            {layout.tags.length > 0 && (
              <div style={{ display: 'flex', flexDirection: layout.direction === 'rtl' ? 'row-reverse' : 'row', gap: CARD.tagGap }}>
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
                    {cardLine(tag, layout.direction, CARD.tagSize, 400)}
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
  const layout = layoutCard(content, metrics, undefined, { withImage: Boolean(image) })
  const { fonts, families } = fontsFor(layout)
  return new ImageResponse(<Card layout={layout} image={image} families={families} />, {
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
export async function renderPostCard(post: Post, author: Author | undefined, lang?: string): Promise<Response> {
  const image = heroDataUri(post)
  const card = renderCard(postCardContent(post, author, lang), image)
  if (!image) return card
  const jpeg = await sharp(Buffer.from(await card.arrayBuffer()))
    .jpeg({ quality: 85, mozjpeg: true })
    .toBuffer()
  return new Response(new Uint8Array(jpeg), { headers: { 'content-type': 'image/jpeg', 'cache-control': OG_CACHE_CONTROL } })
}

/** What a post's card draws, fitted: for the benchmark's comparison with Chromium (scripts/bench/og-scripts.ts). */
export function postCardLayout(post: Post, author: Author | undefined, lang?: string): CardLayout {
  return layoutCard(postCardContent(post, author, lang), metrics)
}

/** Only ever called with a published page, like renderPostCard. */
export function renderPageCard(page: { title: string }): ImageResponse {
  return renderCard(pageCardContent(page))
}

export function renderSiteCard(): ImageResponse {
  return renderCard(siteCardContent())
}
