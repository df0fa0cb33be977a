/**
 * Lighthouse scores for the home page and a post page of the bench server, in
 * Debian's Chromium. Lighthouse's defaults: mobile emulation with simulated
 * throttling, so the performance figures are a model of a mid-range phone on a
 * slow network, computed from this machine's trace.
 */
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../lib/chromium'
import { firstPostUrl, formatMs, type BenchRow, type BenchSection } from './types'

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const
/** Lighthouse has its own page-load timeouts; this bounds a hung Chromium. */
const RUN_TIMEOUT_MS = 180_000

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/** Lighthouse's scores and LCP / TBT / CLS for each page, as bench rows under `section`. */
export async function lighthouseRows(pages: { label: string; url: string }[], section = 'lighthouse'): Promise<BenchRow[]> {
  // Lighthouse and chrome-launcher (its dependency) are ES modules; this file runs as CommonJS under tsx.
  const { default: lighthouse } = await import('lighthouse')
  const { launch } = await import('chrome-launcher')
  const chrome = await launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_ARGS, logLevel: 'silent' })
  const rows: BenchRow[] = []
  try {
    for (const page of pages) {
      const result = await withTimeout(
        lighthouse(page.url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] }),
        RUN_TIMEOUT_MS,
        `Lighthouse on ${page.url}`,
      )
      if (!result) throw new Error(`Lighthouse returned nothing for ${page.url}`)
      const { categories, audits, runtimeError } = result.lhr
      if (runtimeError) throw new Error(`Lighthouse on ${page.url}: ${runtimeError.code} ${runtimeError.message}`)
      const score = (id: string) => {
        const value = categories[id]?.score
        return value === null || value === undefined ? 'n/a' : String(Math.round(value * 100))
      }
      rows.push({
        section,
        metric: `${page.label}: performance / accessibility / best practices / SEO`,
        value: CATEGORIES.map(score).join(' / '),
      })
      const metric = (id: string) => audits[id]?.numericValue
      const lcp = metric('largest-contentful-paint')
      const tbt = metric('total-blocking-time')
      const cls = metric('cumulative-layout-shift')
      rows.push({
        section,
        metric: `${page.label}: LCP / TBT / CLS (mobile, simulated throttling)`,
        value: `${lcp === undefined ? 'n/a' : formatMs(lcp)} / ${tbt === undefined ? 'n/a' : formatMs(tbt)} / ${cls === undefined ? 'n/a' : cls.toFixed(3)}`,
      })
    }
  } finally {
    chrome.kill()
  }
  return rows
}

export const lighthouseSection: BenchSection = {
  name: 'lighthouse',
  async run({ baseUrl }) {
    return lighthouseRows([
      { label: 'home', url: baseUrl + '/' },
      { label: 'post', url: await firstPostUrl(baseUrl) },
    ])
  },
}
