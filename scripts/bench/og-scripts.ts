/**
 * Cards in three scripts (Latin, Chinese, Persian) through lib/og, timed, with
 * the bytes of font files each loads, and each title compared with Chromium
 * drawing the same lines in the same fonts: the ink of the two title blocks
 * as masks, and how far they agree once aligned (inkAgreement). Writes
 * docs/og-scripts.png (ours above, Chromium's below, for each script) and
 * prints JSON for scripts/bench/og.ts. Run with
 * TSX_TSCONFIG_PATH=scripts/bench/tsconfig.og-render.json, like og-render.ts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import sharp from 'sharp'
import type { Post } from '@/lib/content'
import { getAuthor, getPublishedPosts } from '@/lib/content/server'
import { CARD, postCardLayout, renderPostCard, scriptFontBytesRead } from '@/lib/og/server'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../lib/chromium'

export type ScriptCardResult = {
  script: string
  lang: string
  title: string
  firstRenderMs: number
  medianRenderMs: number
  fontBytes: number
  lines: number
  /** Agreement of the title's ink with Chromium's rendering of the same lines (see inkAgreement): 1 is the same drawing. */
  inkAgreement: number
  /** Width of our title's ink over Chromium's. */
  widthRatio: number
}

const ROOT = process.cwd()
const TITLE_TOP = CARD.headerHeight + CARD.rule + 40
const TITLE_WIDTH = 1200 - 2 * CARD.paddingX
const LATIN_BYTES = ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf'].reduce(
  (sum, file) => sum + readFileSync(path.join(ROOT, 'assets/fonts', file)).byteLength,
  0,
)

export const SCRIPT_TITLES = [
  { script: 'Latin', lang: 'cy', title: 'Pam mae data agored yn bwysig i gynghorau Cymru a’u trigolion' },
  { script: 'Chinese', lang: 'zh-Hans', title: '我们正在推进数字化政府服务的开放数据项目，每个月发布一次' },
  { script: 'Persian', lang: 'fa', title: 'داده‌های باز شهرداری: چرا و چگونه (۱۴۰۲) منتشر می‌کنیم؟' },
]

type Mask = { width: number; height: number; ink: Uint8Array }

async function inkMask(png: Buffer, height: number): Promise<Mask> {
  const { data, info } = await sharp(png)
    .extract({ left: CARD.paddingX, top: TITLE_TOP, width: TITLE_WIDTH, height })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true })
  return { width: info.width, height: info.height, ink: Uint8Array.from(data, (value) => (value < 128 ? 1 : 0)) }
}

function bounds(mask: Mask) {
  let [left, top, right, bottom] = [mask.width, mask.height, -1, -1]
  for (let y = 0; y < mask.height; y++)
    for (let x = 0; x < mask.width; x++)
      if (mask.ink[y * mask.width + x]) {
        left = Math.min(left, x)
        right = Math.max(right, x)
        top = Math.min(top, y)
        bottom = Math.max(bottom, y)
      }
  return { left, top, width: right - left + 1, height: bottom - top + 1 }
}

/**
 * How well two masks' ink agrees, each moved so its ink starts at the same
 * corner: the share of each one's ink pixels with ink of the other within a
 * pixel (antialiasing and subpixel positions move edges by that much), as
 * the harmonic mean of the two shares. 1 is the same drawing; a title in the
 * wrong order or with unjoined letters scores far lower.
 */
function inkAgreement(a: Mask, b: Mask): { agreement: number; widthRatio: number } {
  const boxA = bounds(a)
  const boxB = bounds(b)
  const inkAt = (mask: Mask, box: ReturnType<typeof bounds>, x: number, y: number) =>
    x >= 0 && y >= 0 && x < box.width && y < box.height ? mask.ink[(box.top + y) * mask.width + box.left + x] : 0
  const near = (mask: Mask, box: ReturnType<typeof bounds>, x: number, y: number) => {
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) if (inkAt(mask, box, x + dx, y + dy)) return true
    return false
  }
  const share = (from: Mask, fromBox: ReturnType<typeof bounds>, to: Mask, toBox: ReturnType<typeof bounds>) => {
    let ink = 0
    let matched = 0
    for (let y = 0; y < fromBox.height; y++)
      for (let x = 0; x < fromBox.width; x++)
        if (inkAt(from, fromBox, x, y)) {
          ink++
          if (near(to, toBox, x, y)) matched++
        }
    return ink ? matched / ink : 0
  }
  const ab = share(a, boxA, b, boxB)
  const ba = share(b, boxB, a, boxA)
  return { agreement: ab + ba ? (2 * ab * ba) / (ab + ba) : 0, widthRatio: boxA.width / boxB.width }
}

function chromiumPage(lines: string[], fontSize: number, direction: string, lang: string): string {
  const file = (relative: string) => `file://${path.join(ROOT, relative)}`
  const lineDivs = lines.map((line) => `<div>${line.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`)}</div>`).join('')
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<link rel="stylesheet" href="${file('node_modules/@fontsource/noto-sans-sc/700.css')}">
<link rel="stylesheet" href="${file('node_modules/@fontsource/noto-sans-arabic/arabic-700.css')}">
<style>
@font-face { font-family: 'Card Latin'; src: url('${file('assets/fonts/NotoSans-Bold.ttf')}'); font-weight: 700; }
html, body { margin: 0; width: 1200px; height: 630px; background: #fff; }
#title { position: absolute; left: ${CARD.paddingX}px; top: ${TITLE_TOP}px; width: ${TITLE_WIDTH}px; color: #0b0c0c;
  font: 700 ${fontSize}px/${CARD.lineHeight} 'Card Latin', 'Noto Sans Arabic', 'Noto Sans SC'; white-space: pre; }
</style></head><body><div id="title" dir="${direction}">${lineDivs}</div></body></html>`
}

async function main() {
  const base = getPublishedPosts()[0]
  const author = getAuthor(base.author)
  const render = async (post: Post, lang: string) => Buffer.from(await (await renderPostCard(post, author, lang)).arrayBuffer())
  // The Latin fonts and Satori's own start-up are every card's: paid before the first script is timed.
  await render(base, 'en-GB')
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--allow-file-access-from-files'] })
  const pageDir = mkdtempSync(path.join(tmpdir(), 'og-scripts-'))
  const pageFile = path.join(pageDir, 'title.html')
  const results: ScriptCardResult[] = []
  const strips: Buffer[] = []
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 630 } })
    for (const { script, lang, title } of SCRIPT_TITLES) {
      const post = { ...base, title }
      const bytesBefore = scriptFontBytesRead()
      let start = performance.now()
      const ours = await render(post, lang)
      const firstRenderMs = performance.now() - start
      const fontBytes = LATIN_BYTES + scriptFontBytesRead() - bytesBefore
      const times: number[] = []
      for (let i = 0; i < 10; i++) {
        start = performance.now()
        await render(post, lang)
        times.push(performance.now() - start)
      }
      times.sort((a, b) => a - b)
      const layout = postCardLayout(post, author, lang)
      const height = Math.ceil(layout.title.lines.length * layout.title.fontSize * CARD.lineHeight) + 8
      // A file of its own, so the page's origin is file:// like the fonts it loads.
      writeFileSync(pageFile, chromiumPage(layout.title.lines, layout.title.fontSize, layout.direction, lang))
      await page.goto(`file://${pageFile}`, { waitUntil: 'load' })
      await page.evaluate(() => document.fonts.ready)
      const theirs = await page.screenshot({ type: 'png' })
      const { agreement, widthRatio } = inkAgreement(await inkMask(ours, height), await inkMask(theirs, height))
      results.push({
        script,
        lang,
        title,
        firstRenderMs,
        medianRenderMs: times[Math.floor(times.length / 2)],
        fontBytes,
        lines: layout.title.lines.length,
        inkAgreement: agreement,
        widthRatio,
      })
      for (const png of [ours, theirs])
        strips.push(
          await sharp(png)
            .extract({ left: 0, top: TITLE_TOP - 16, width: 1200, height: height + 32 })
            .png()
            .toBuffer(),
        )
    }
  } finally {
    await browser.close()
    rmSync(pageDir, { recursive: true, force: true })
  }
  const heights = await Promise.all(strips.map(async (strip) => (await sharp(strip).metadata()).height!))
  let top = 0
  const composite = strips.map((input, index) => {
    const placed = { input, left: 0, top }
    top += heights[index] + (index % 2 === 1 ? 24 : 0)
    return placed
  })
  // Sharp resizes before it composites, so the sheet is made first and scaled after.
  const sheet = await sharp({ create: { width: 1200, height: top, channels: 3, background: '#b1b4b6' } })
    .composite(composite)
    .png()
    .toBuffer()
  await sharp(sheet).resize({ width: 800 }).png().toFile(path.join(ROOT, 'docs/og-scripts.png'))
  process.stdout.write(JSON.stringify(results))
}

main().catch((error: Error) => {
  console.error(error)
  process.exit(1)
})
