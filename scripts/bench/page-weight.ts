/**
 * Bytes a reader downloads: the HTML of a post page, the home page and the 404 page,
 * and the JavaScript each loads through <script src>. Gzip sizes are zlib level 9 of
 * the decoded body, so they do not depend on whether the server compressed.
 */
import { gzipSync } from 'node:zlib'
import { firstPostUrl, formatBytes, type BenchRow, type BenchSection } from './types'

type Weight = { raw: number; gzip: number }

const weigh = (body: Buffer): Weight => ({ raw: body.byteLength, gzip: gzipSync(body, { level: 9 }).byteLength })
const add = (a: Weight, b: Weight): Weight => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip })
const show = (w: Weight) => `${formatBytes(w.raw)} (${formatBytes(w.gzip)} gzip)`

/**
 * External scripts a modern browser loads for a page, as absolute URLs, in
 * document order without repeats. `nomodule` scripts (Next's legacy polyfills)
 * are left out: only browsers without ES modules fetch them.
 */
export function scriptSources(html: string, pageUrl: string): string[] {
  const sources = [...html.matchAll(/<script\b([^>]*?)\ssrc="([^"]+)"([^>]*)>/g)]
    .filter((match) => !/\bnomodule\b/i.test(match[1] + match[3]))
    .map((match) => new URL(match[2].replace(/&amp;/g, '&'), pageUrl).href)
  return [...new Set(sources)]
}

async function fetchBody(url: string, expectStatus = 200): Promise<Buffer> {
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) })
  if (response.status !== expectStatus) throw new Error(`page weight: ${url} answered ${response.status}, expected ${expectStatus}`)
  return Buffer.from(await response.arrayBuffer())
}

export const pageWeight: BenchSection = {
  name: 'page-weight',
  async run({ baseUrl }) {
    const section = 'page weight'
    const pages = [
      { label: 'post page', url: await firstPostUrl(baseUrl), status: 200 },
      { label: 'home page', url: baseUrl + '/', status: 200 },
      { label: '404 page', url: baseUrl + '/no-such-page-bench', status: 404 },
    ]
    const scriptCache = new Map<string, Weight>()
    const scripts = new Map<string, string[]>()
    const rows: BenchRow[] = []
    for (const page of pages) {
      const html = await fetchBody(page.url, page.status)
      const sources = scriptSources(html.toString('utf8'), page.url)
      scripts.set(page.label, sources)
      let js: Weight = { raw: 0, gzip: 0 }
      for (const src of sources) {
        if (!scriptCache.has(src)) scriptCache.set(src, weigh(await fetchBody(src)))
        js = add(js, scriptCache.get(src)!)
      }
      rows.push(
        { section, metric: `${page.label}: HTML`, value: show(weigh(html)) },
        { section, metric: `${page.label}: JS via <script src> (${sources.length} files)`, value: show(js) },
      )
    }
    // Post pages promise no JavaScript of their own: whatever they load beyond what every page (even a 404) carries.
    const baseline = new Set(scripts.get('404 page'))
    const extra = scripts.get('post page')!.filter((src) => !baseline.has(src))
    const extraWeight = extra.reduce((sum, src) => add(sum, scriptCache.get(src)!), { raw: 0, gzip: 0 })
    rows.push({ section, metric: `JS a post page loads beyond the 404 page (${extra.length} files)`, value: show(extraWeight), target: '0 B' })
    return rows
  },
}
