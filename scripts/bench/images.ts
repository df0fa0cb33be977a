/**
 * Pictures: what it costs to make them and what a reader downloads, for a post
 * with three 3000×2000 photos (~1.8 MB JPEG each, drawn by sharp), against the
 * alternative of Next's on-request optimizer (next/image). The post is built
 * into its own dist folder and served by its own `next start`.
 */
import { cpSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { forgetProcessedImages, processImage } from '../../lib/images/build'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../lib/chromium'
import { folderBytes } from '../lib/files'
import { PHOTO_POST_SLUG, writePhotoPost } from '../lib/photo-post'
import { BIN, CONTENTLAYER, ROOT, freePort, run, startNextServer, stopServer, waitForHttp } from '../lib/process'
import { lighthouseRows } from './lighthouse'
import { formatBytes, formatMs, type BenchRow, type BenchSection } from './types'

const DIST_DIR = '.next-bench-images'
const section = 'images'

/** Build time: every variant of each photo into an empty store, one photo at a time. */
async function buildTimeCost(photos: string[]): Promise<BenchRow[]> {
  const store = mkdtempSync(path.join(tmpdir(), 'sandbank-bench-store-'))
  try {
    const times: number[] = []
    let variants = 0
    for (const photo of photos) {
      const start = performance.now()
      const processed = await processImage(photo, store)
      times.push(performance.now() - start)
      variants = processed.widths.length * 2
    }
    forgetProcessedImages()
    const start = performance.now()
    for (const photo of photos) await processImage(photo, store)
    const warm = (performance.now() - start) / photos.length
    const bytes = folderBytes(store)
    return [
      {
        section,
        metric: `build-time sharp: all ${variants} variants (5 widths × AVIF + JPEG) per photo, cold`,
        value: `${formatMs(times.reduce((a, b) => a + b) / times.length)} per photo`,
      },
      {
        section,
        metric: 'build-time sharp: a photo already in the store (a later build reads, hashes, finds it)',
        value: `${formatMs(warm)} per photo`,
      },
      {
        section,
        metric: `build-time sharp: store on disk for the ${photos.length} photos`,
        value: `${formatBytes(bytes)} (${formatBytes(bytes / photos.length)} per photo)`,
      },
    ]
  } finally {
    rmSync(store, { recursive: true, force: true })
  }
}

type Transform = (input: { buffer: Buffer; contentType: string; quality: number; width: number; concurrency?: number }) => Promise<Buffer>

/**
 * next/image's first request for a variant runs this transform (Next 16's own code, with its defaults:
 * WebP at quality 75; AVIF only if configured) after reading the whole original. Timing the transform alone
 * is a lower bound for that request.
 */
async function nextImageCost(photos: string[]): Promise<BenchRow[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- Next's internal module, loaded only here
  const { optimizeImage } = require('next/dist/server/image-optimizer/transform') as { optimizeImage: Transform }
  const { readFileSync } = await import('node:fs')
  const rows: BenchRow[] = []
  const buffers = photos.map((photo) => readFileSync(photo))
  for (const [contentType, label] of [
    ['image/webp', 'WebP q75 (Next default)'],
    ['image/avif', 'AVIF (Next, if enabled)'],
  ] as const) {
    const times: number[] = []
    let bytes = 0
    for (const buffer of buffers) {
      const start = performance.now()
      const output = await optimizeImage({ buffer, contentType, quality: 75, width: 750, concurrency: 1 })
      times.push(performance.now() - start)
      bytes += output.byteLength
    }
    rows.push({
      section,
      metric: `next/image first request, 750 w ${label}: transform time per variant`,
      value: `${formatMs(times.reduce((a, b) => a + b) / times.length)} (${formatBytes(bytes / buffers.length)} out)`,
    })
  }
  // What a crawler walking every allowed width could make it store: Next 16's deviceSizes + imageSizes, WebP.
  const widths = [32, 48, 64, 96, 128, 256, 384, 640, 750, 828, 1080, 1200, 1920, 2048, 3840]
  let all = 0
  const start = performance.now()
  for (const width of widths)
    all += (await optimizeImage({ buffer: buffers[0], contentType: 'image/webp', quality: 75, width, concurrency: 1 })).byteLength
  rows.push({
    section,
    metric: `next/image, every allowed width of one photo (${widths.length} WebP variants): CPU and cache size`,
    value: `${formatMs(performance.now() - start)}, ${formatBytes(all)}`,
  })
  return rows
}

type Download = { firstScreen: number; whole: number; files: string[]; wholeFiles: string[] }

/** Image bytes a browser downloads for the post: on load (first screen; the rest is lazy), then after scrolling to the end. */
async function downloaded(
  browser: Browser,
  pageUrl: string,
  viewport: { width: number; height: number },
  deviceScaleFactor: number,
): Promise<Download> {
  const context = await browser.newContext({ viewport, deviceScaleFactor, isMobile: deviceScaleFactor > 1 })
  const page = await context.newPage()
  const images: { url: string; bytes: Promise<number> }[] = []
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'image') return
    images.push({
      url: new URL(response.url()).pathname,
      bytes: response.body().then(
        (body) => body.byteLength,
        () => 0,
      ),
    })
  })
  await page.goto(pageUrl, { waitUntil: 'networkidle' })
  const firstCount = images.length
  const firstScreen = (await Promise.all(images.map((image) => image.bytes))).reduce((a, b) => a + b, 0)
  for (let y = 0; y < 20; y++) {
    await page.mouse.wheel(0, viewport.height)
    await page.waitForTimeout(150)
  }
  await page.waitForLoadState('networkidle')
  const whole = (await Promise.all(images.map((image) => image.bytes))).reduce((a, b) => a + b, 0)
  await context.close()
  return {
    firstScreen,
    whole,
    files: images.slice(0, firstCount).map((i) => path.basename(i.url)),
    wholeFiles: images.map((i) => path.basename(i.url)),
  }
}

/** The same pictures as JPEG, for a browser without AVIF. */
async function jpegBytes(baseUrl: string, files: string[]): Promise<number> {
  let total = 0
  for (const file of files) {
    const response = await fetch(`${baseUrl}/posts/${PHOTO_POST_SLUG}/images/${file.replace(/\.avif$/, '.jpg')}`)
    total += (await response.arrayBuffer()).byteLength
  }
  return total
}

export const imagesSection: BenchSection = {
  name: 'images',
  async run() {
    const workDir = mkdtempSync(path.join(tmpdir(), 'sandbank-bench-images-'))
    const contentDir = path.join(workDir, 'content')
    cpSync(path.join(ROOT, 'content'), contentDir, { recursive: true })
    const photos = await writePhotoPost(contentDir)
    const originals = photos.map((photo) => statSync(photo).size)
    const rows: BenchRow[] = [
      {
        section,
        metric: `originals: ${photos.length} photos 3000×2000 JPEG q90`,
        value: `${formatBytes(originals.reduce((a, b) => a + b))} (${originals.map((b) => formatBytes(b)).join(', ')})`,
      },
      ...(await buildTimeCost(photos)),
      ...(await nextImageCost(photos)),
    ]
    const port = await freePort()
    const baseUrl = `http://127.0.0.1:${port}`
    const env = {
      ...process.env,
      NODE_ENV: 'production' as const,
      NEXT_TELEMETRY_DISABLED: '1',
      CONTENT_DIR: contentDir,
      NEXT_DIST_DIR: DIST_DIR,
      SITE_URL: baseUrl,
    }
    let server: ReturnType<typeof startNextServer> | undefined
    try {
      rmSync(path.join(ROOT, DIST_DIR), { recursive: true, force: true })
      await run(CONTENTLAYER, ['build'], env)
      await run(path.join(BIN, 'next'), ['build'], env)
      server = startNextServer(port, env)
      await waitForHttp(baseUrl + '/')
      const pageUrl = `${baseUrl}/posts/${PHOTO_POST_SLUG}`
      const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
      try {
        const phone = await downloaded(browser, pageUrl, { width: 390, height: 844 }, 2)
        const desktop = await downloaded(browser, pageUrl, { width: 1280, height: 800 }, 1)
        const total = originals.reduce((a, b) => a + b)
        const share = (bytes: number) => `${((bytes / total) * 100).toFixed(1)}% of the originals`
        rows.push(
          {
            section,
            metric: `phone 390 px, DPR 2: first screen (${phone.files.join(', ')})`,
            value: `${formatBytes(phone.firstScreen)} (${share(phone.firstScreen)})`,
            target: '≤ 150 KB',
          },
          {
            section,
            metric: `phone 390 px, DPR 2: whole post, scrolled (${phone.wholeFiles.length} files)`,
            value: `${formatBytes(phone.whole)} (${share(phone.whole)})`,
          },
          {
            section,
            metric: 'phone, same pictures as JPEG (a browser without AVIF)',
            value: formatBytes(await jpegBytes(baseUrl, phone.wholeFiles)),
          },
          {
            section,
            metric: `desktop 1280 px, DPR 1: first screen (${desktop.files.join(', ')})`,
            value: `${formatBytes(desktop.firstScreen)} (${share(desktop.firstScreen)})`,
          },
          {
            section,
            metric: `desktop 1280 px, DPR 1: whole post, scrolled (${desktop.wholeFiles.length} files)`,
            value: `${formatBytes(desktop.whole)} (${share(desktop.whole)})`,
          },
          { section, metric: 'originals a reader would otherwise download', value: formatBytes(total) },
        )
      } finally {
        await browser.close()
      }
      rows.push(...(await lighthouseRows([{ label: 'photo post', url: pageUrl }], section)))
    } finally {
      if (server) await stopServer(server)
      rmSync(workDir, { recursive: true, force: true })
      rmSync(path.join(ROOT, DIST_DIR), { recursive: true, force: true })
      rmSync(path.join(ROOT, '.contentlayer/generated'), { recursive: true, force: true })
      await run(CONTENTLAYER, ['build'], { ...process.env, CONTENT_DIR: '' })
    }
    return rows
  },
}
