import { readFileSync } from 'node:fs'
import path from 'node:path'
import { site } from '@/lib/config'
import type { Post } from '@/lib/content'
import { getAuthor, getPublishedPost } from '@/lib/content/server'
import { postVersion } from '@/lib/og'
import { readFontMetrics, textWidthEm } from '@/lib/og/font-metrics'
import { contentPageMetadata, postMetadata, siteMetadata } from '@/lib/seo'
import { makePage } from '../fixtures'
import {
  CARD_CONTENT_WIDTH,
  CARD_IMAGE_WIDTH,
  CARD_TEXT_WIDTH_WITH_IMAGE,
  ELLIPSIS,
  TITLE_STEPS,
  cardTags,
  fitText,
  keepDrawable,
  layoutCard,
  pageCardContent,
  postCardContent,
  siteCardContent,
  truncateToWidth,
  wrapWords,
  type CardFonts,
  type Measure,
} from '@/lib/og/layout'

// The real card fonts, so fitting is checked against the widths the card draws with.
const fontFile = (name: string) => readFileSync(path.join(process.cwd(), 'assets', 'fonts', name))
const fonts: CardFonts = { regular: readFontMetrics(fontFile('NotoSans-Regular.ttf')), bold: readFontMetrics(fontFile('NotoSans-Bold.ttf')) }
const measureBold: Measure = (text) => textWidthEm(fonts.bold, text)
const WIDTH = 1000

const LONG_WELSH_POLISH =
  'Ŵyl Gŵyl Dewi: sut mae cynghorau Cymru’n defnyddio data agored i wella gwasanaethau — a Łódź, Gdańsk i Wrocław: ' +
  'żółć, źdźbło, zażółć gęślą jaźń, a’r ŷd yn y maes, ŵyn bach yn chwarae gyda’r cŵn ar ben y bryn uchel iawn heddiw a fory'

function widestLine(lines: string[], fontSize: number): number {
  return Math.max(...lines.map((line) => measureBold(line) * fontSize))
}

describe('font metrics', () => {
  test('the subset fonts carry Welsh, Polish and accented Latin, and not emoji or CJK', () => {
    for (const metrics of [fonts.regular, fonts.bold]) {
      for (const char of 'ŵŷŴŶąłżźćńęóśÉéüßø…–’') expect(metrics.advances.has(char.codePointAt(0)!)).toBe(true)
      for (const char of ['😀', '中']) expect(metrics.advances.has(char.codePointAt(0)!)).toBe(false)
    }
  })

  test('widths follow the glyphs: W is wider than i, bold wider than regular, and runs add up', () => {
    expect(textWidthEm(fonts.bold, 'W')).toBeGreaterThan(textWidthEm(fonts.bold, 'i'))
    expect(textWidthEm(fonts.bold, 'Sandbank')).toBeGreaterThan(textWidthEm(fonts.regular, 'Sandbank'))
    expect(textWidthEm(fonts.bold, 'ab')).toBeCloseTo(textWidthEm(fonts.bold, 'a') + textWidthEm(fonts.bold, 'b'))
  })
})

describe('keepDrawable', () => {
  test('drops characters the font lacks and tidies the spaces they leave', () => {
    const has = (codePoint: number) => fonts.bold.advances.has(codePoint)
    expect(keepDrawable('Hello 😀 world  中 ŵ\n', has)).toBe('Hello world ŵ')
    expect(keepDrawable('😀😀', has)).toBe('')
  })
})

describe('fitText', () => {
  test('a short title is one line at the largest size, unclamped', () => {
    const fit = fitText('Shifting Digital Sands', WIDTH, TITLE_STEPS, measureBold)
    expect(fit).toEqual({ fontSize: TITLE_STEPS[0].fontSize, lines: ['Shifting Digital Sands'], clamped: false })
  })

  test('a title too long for the largest size steps down before it is ever clamped', () => {
    const title = 'LocalGov Digital and the Government Digital Service: what a shared roadmap for council websites could look like'
    const fit = fitText(title, WIDTH, TITLE_STEPS, measureBold)
    expect(fit.clamped).toBe(false)
    expect(fit.fontSize).toBeLessThan(TITLE_STEPS[0].fontSize)
    expect(fit.lines.join(' ')).toBe(title)
  })

  test('a very long title is clamped to the last step’s lines, ends with an ellipsis and every line fits', () => {
    const fit = fitText(LONG_WELSH_POLISH.repeat(3), WIDTH, TITLE_STEPS, measureBold)
    const last = TITLE_STEPS.at(-1)!
    expect(fit.clamped).toBe(true)
    expect(fit.fontSize).toBe(last.fontSize)
    expect(fit.lines).toHaveLength(last.maxLines)
    expect(fit.lines.at(-1)!.endsWith(ELLIPSIS)).toBe(true)
    expect(fit.lines.at(-1)).not.toMatch(/[\s,;:–—-]…$/)
    expect(widestLine(fit.lines, fit.fontSize)).toBeLessThanOrEqual(WIDTH)
    // Clamped by words: every line but the cut one is a run of whole words from the title.
    for (const line of fit.lines.slice(0, -1)) expect(LONG_WELSH_POLISH.repeat(3)).toContain(line)
  })

  test('never more lines than the step allows, whatever the length', () => {
    for (let words = 1; words <= 120; words += 7) {
      const fit = fitText(Array.from({ length: words }, (_, i) => `word${i}`).join(' '), WIDTH, TITLE_STEPS, measureBold)
      const step = TITLE_STEPS.find((s) => s.fontSize === fit.fontSize)!
      expect(fit.lines.length).toBeLessThanOrEqual(step.maxLines)
      expect(widestLine(fit.lines, fit.fontSize)).toBeLessThanOrEqual(WIDTH)
    }
  })

  test('a single giant word is cut into line-wide pieces and clamped', () => {
    const giant = 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch'.repeat(6)
    const fit = fitText(giant, WIDTH, TITLE_STEPS, measureBold)
    expect(fit.clamped).toBe(true)
    expect(fit.lines.length).toBe(TITLE_STEPS.at(-1)!.maxLines)
    expect(fit.lines.at(-1)!.endsWith(ELLIPSIS)).toBe(true)
    expect(widestLine(fit.lines, fit.fontSize)).toBeLessThanOrEqual(WIDTH)
    expect(fit.lines.join('').replace(ELLIPSIS, '')).toBe(giant.slice(0, fit.lines.join('').length - 1))
  })
})

describe('wrapWords and truncateToWidth', () => {
  test('wrapping keeps every word, in order, each line within the width', () => {
    const lines = wrapWords(LONG_WELSH_POLISH, 12, measureBold)
    expect(lines.join(' ')).toBe(LONG_WELSH_POLISH)
    expect(Math.max(...lines.map(measureBold))).toBeLessThanOrEqual(12)
  })

  test('text that fits is left alone; text that does not is cut with an ellipsis inside the width', () => {
    expect(truncateToWidth('gds', 5, measureBold)).toBe('gds')
    const cut = truncateToWidth('a-very-long-tag-name-that-goes-on-and-on', 5, measureBold)
    expect(cut.endsWith(ELLIPSIS)).toBe(true)
    expect(measureBold(cut)).toBeLessThanOrEqual(5)
  })

  test('the card shows at most three tags, in order', () => {
    expect(cardTags(['a', 'b', 'c', 'd'])).toEqual(['a', 'b', 'c'])
    expect(cardTags(['a'])).toEqual(['a'])
  })
})

describe('layoutCard', () => {
  const post = getPublishedPost('localgovdigital-a-day-with-gdsteam', new Date('2030-01-01'))!
  const author = getAuthor(post.author)

  test('a seed post: its title, date as the site formats it, author and first three tags', () => {
    const layout = layoutCard(postCardContent(post, author), fonts)
    expect(layout.title.lines.join(' ')).toBe('#LocalGovDigital – A day with @GDSTeam')
    expect(layout.meta).toBe('14 April 2014 · Digital Communications Manager')
    expect(layout.tags).toEqual(['localgov-digital', 'gds', 'digital-leadership'])
    expect(layout.siteName).toBe(site.name)
  })

  test('a long Welsh and Polish title keeps its letters and fits the card', () => {
    const layout = layoutCard(postCardContent({ ...post, title: LONG_WELSH_POLISH }, author), fonts)
    expect(layout.title.lines.join(' ')).toMatch(/^Ŵyl Gŵyl Dewi.*Łódź/)
    expect(widestLine(layout.title.lines, layout.title.fontSize)).toBeLessThanOrEqual(CARD_CONTENT_WIDTH)
  })

  test('a title the font cannot draw at all falls back to the slug’s words, never to nothing', () => {
    const layout = layoutCard(postCardContent({ ...post, title: '😀😀😀' }, undefined), fonts)
    expect(layout.title.lines.join(' ')).toBe('localgovdigital a day with gdsteam')
    expect(layout.meta).toBe('14 April 2014')
  })

  test('beside a hero picture the text keeps the left column, at sizes still legible as a thumbnail', () => {
    const layout = layoutCard(postCardContent(post, author), fonts, site.name, { withImage: true })
    expect(layout.textWidth).toBe(CARD_TEXT_WIDTH_WITH_IMAGE)
    expect(CARD_TEXT_WIDTH_WITH_IMAGE + CARD_IMAGE_WIDTH).toBeLessThan(1200)
    expect(layout.title.lines.join(' ')).toBe('#LocalGovDigital – A day with @GDSTeam')
    expect(layout.title.fontSize).toBe(64)
    const long = layoutCard(postCardContent({ ...post, title: LONG_WELSH_POLISH }, author), fonts, site.name, { withImage: true })
    expect(widestLine(long.title.lines, long.title.fontSize)).toBeLessThanOrEqual(CARD_TEXT_WIDTH_WITH_IMAGE)
    expect(long.title.fontSize).toBeGreaterThanOrEqual(46)
  })
})

describe('card metadata', () => {
  const post = getPublishedPost('localgovdigital-a-day-with-gdsteam', new Date('2030-01-01'))!
  type OpenGraphArticle = {
    type: string
    publishedTime: string
    images: { url: string; width: number; height: number; alt: string; type: string }[]
  }

  test('a post declares its own card: absolute URL with its version, 1200×630, alt, article type and date', () => {
    const metadata = postMetadata(post, getAuthor(post.author))
    const openGraph = metadata.openGraph as unknown as OpenGraphArticle
    const [image] = openGraph.images
    const cardUrl = new URL(image.url)
    expect(cardUrl.origin + '/').toBe(new URL(site.url + '/').origin + '/')
    expect(cardUrl.pathname).toBe(`/og/posts/${post.slug}`)
    expect(cardUrl.searchParams.get('v')).toBe(postVersion(post))
    expect(image).toMatchObject({ width: 1200, height: 630, type: 'image/png' })
    expect(image.alt).toContain(post.title)
    expect(openGraph.type).toBe('article')
    expect(openGraph.publishedTime).toBe(post.date)
    const twitter = metadata.twitter as { card: string; images: { url: string }[] }
    expect(twitter.card).toBe('summary_large_image')
    expect(twitter.images[0].url).toBe(image.url)
  })

  test('the card URL changes when the title does, so caches never serve an old card', () => {
    const retitled: Post = { ...post, title: `${post.title} (updated)` }
    const url = (p: Post) => (postMetadata(p, undefined).openGraph as unknown as OpenGraphArticle).images[0].url
    expect(url(retitled)).not.toBe(url(post))
  })

  test("a page declares its own card, the site card with the page's title, and its own title, description and canonical link", () => {
    const page = makePage({ slug: 'services/contact', title: 'Contact', summary: 'How to reach us.' })
    expect(pageCardContent(page)).toEqual({ ...siteCardContent(), title: 'Contact' })
    const metadata = contentPageMetadata(page)
    expect(metadata).toMatchObject({ title: 'Contact', description: 'How to reach us.', alternates: { canonical: '/services/contact' } })
    const openGraph = metadata.openGraph as unknown as OpenGraphArticle
    const card = new URL(openGraph.images[0].url)
    expect(card.pathname).toBe('/og/pages/services/contact')
    expect(card.searchParams.get('v')).toMatch(/^[\w-]{10}$/)
    expect(openGraph.type).toBe('website')
    const retitled = contentPageMetadata({ ...page, title: 'Contact us' }).openGraph as unknown as OpenGraphArticle
    expect(retitled.images[0].url).not.toBe(openGraph.images[0].url)
  })

  test('the site defaults point at the site card', () => {
    const openGraph = siteMetadata().openGraph as unknown as OpenGraphArticle
    expect(new URL(openGraph.images[0].url).pathname).toBe('/og/site')
    expect(new URL(openGraph.images[0].url).searchParams.get('v')).toMatch(/^[\w-]{10}$/)
  })
})
