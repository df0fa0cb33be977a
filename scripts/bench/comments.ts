/**
 * A busy post: 200 approved comments (a third of them replies, some with links)
 * written into the seed server's comment store, the post then rendered afresh
 * (the build's on-demand revalidation header, as nginx's refresh listener sends it),
 * and its HTML weighed against the budget. Also: the comment form adds no script
 * to the post page, beyond what every page (the 404) loads.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { createFileCommentStore, COMMENT_LIMITS } from '../../lib/comments'
import { scriptSources } from './page-weight'
import { formatBytes, type BenchRow, type BenchSection } from './types'

/** What a post page with 200 comments may weigh, raw HTML: it shows the first COMMENT_LIMITS.perPage, the rest are on further pages. */
export const COMMENTED_POST_BUDGET_BYTES = 128 * 1024
const COMMENTS = 200
/** A seed post other than the newest (which page weight measures bare). */
const POST = 'hack-devon-county-council'

const WORDS =
  'council service users data open team digital design research library housing transport budget website content accessibility community meeting local government thanks question agree point'.split(
    ' ',
  )

/** A comment of 20 to 120 words, deterministic by its number; every fifth has a link. */
function commentText(n: number): string {
  const words = Array.from({ length: 20 + ((n * 37) % 100) }, (_, i) => WORDS[(n * 7 + i * 13) % WORDS.length])
  const text = words.join(' ')
  return n % 5 === 0 ? `${text}\n\nMore at https://example.org/notes/${n}` : text
}

const weigh = (html: Buffer) => ({ raw: html.byteLength, gzip: gzipSync(html, { level: 9 }).byteLength })

export const commentsSection: BenchSection = {
  name: 'comments',
  async run({ baseUrl, distDir, dataDir }) {
    if (!dataDir) throw new Error('comments: the seed server has no DATA_DIR of its own')
    const section = 'comments'
    const pageUrl = `${baseUrl}/posts/${POST}`
    const secret = (JSON.parse(readFileSync(path.join(distDir, 'prerender-manifest.json'), 'utf8')) as { preview: { previewModeId: string } }).preview
      .previewModeId
    const fetchFresh = async (url: string) => {
      const response = await fetch(url, { headers: { 'x-prerender-revalidate': secret }, signal: AbortSignal.timeout(60_000) })
      if (response.status !== 200) throw new Error(`comments: ${url} answered ${response.status}`)
      return Buffer.from(await response.arrayBuffer())
    }
    const bare = await fetchFresh(pageUrl)
    const store = createFileCommentStore(path.join(dataDir, 'comments'))
    const written: string[] = []
    for (let n = 1; n <= COMMENTS; n++) {
      // Every third is a reply to an earlier comment, some of them replies to replies.
      const parent = n % 3 === 0 && written.length > 0 ? written[(n * 11) % written.length] : undefined
      const comment = await store.add(
        { post: POST, name: `Reader ${n}`, text: commentText(n), ...(parent ? { parent } : {}) },
        new Date(Date.UTC(2024, 0, 1, 0, n)),
      )
      await store.approve(comment.id)
      written.push(comment.id)
    }
    const busy = await fetchFresh(pageUrl)
    const html = busy.toString('utf8')
    const shown = (html.match(/<article class="comment" id="c-/g) ?? []).length
    const pages = Number(html.match(/Comments, page 1 of (\d+)/)?.[1] ?? 1)
    const later = await Promise.all(Array.from({ length: pages - 1 }, (_, i) => fetchFresh(`${baseUrl}/posts/${POST}/comments/page/${i + 2}`)))
    const heaviestLater = Math.max(0, ...later.map((page) => page.byteLength))
    const baseline = new Set(scriptSources(await (await fetch(`${baseUrl}/no-such-page-bench`)).text(), baseUrl))
    const extra = scriptSources(html, pageUrl).filter((src) => !baseline.has(src))
    // Inline scripts other than the RSC payload every App Router page streams and the post's JSON-LD, against the same post bare.
    const inline = (page: string) =>
      (page.match(/<script(?![^>]*type="application\/ld\+json")(?![^>]*\ssrc=)[^>]*>(?!self\.__next_f|\(self\.__next_f)/g) ?? []).length
    const inlineAdded = inline(html) - inline(bare.toString('utf8'))
    const [b, w] = [weigh(bare), weigh(busy)]
    const withinBudget = w.raw / COMMENTED_POST_BUDGET_BYTES
    const rows: BenchRow[] = [
      { section, metric: `post page without comments: HTML`, value: `${formatBytes(b.raw)} (${formatBytes(b.gzip)} gzip)` },
      {
        section,
        metric: `post page with ${COMMENTS} comments: HTML (${shown} shown, ${COMMENT_LIMITS.perPage} a page, ${pages} pages)`,
        value: `${formatBytes(w.raw)} (${formatBytes(w.gzip)} gzip), ${(withinBudget * 100).toFixed(0)} % of the budget`,
        target: `≤ ${formatBytes(COMMENTED_POST_BUDGET_BYTES)} budget, within 10 %`,
      },
      {
        section,
        metric: 'heaviest later page of comments: HTML',
        value: formatBytes(heaviestLater),
        target: `≤ ${formatBytes(COMMENTED_POST_BUDGET_BYTES)}`,
      },
      { section, metric: 'JS the post page with comments and the form loads beyond the 404 page', value: `${extra.length} files`, target: '0 files' },
      {
        section,
        metric: 'inline scripts the comments and the form add (other than the RSC payload)',
        value: String(inlineAdded),
        target: '0',
      },
    ]
    if (withinBudget > 1.1)
      console.error(`bench: comments: the post page with ${COMMENTS} comments is ${formatBytes(w.raw)}, more than 10 % over the budget`)
    return rows
  },
}
