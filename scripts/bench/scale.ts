/**
 * How the site behaves with N posts (`npm run bench -- --scale N`, default
 * 1,000): N synthetic posts of ~800 words are built the way `npm run build`
 * builds (contentlayer2 build, then next build) into .next-bench-scale, then
 * served by `next start` from cold, several times:
 *
 * - build wall time and peak memory (process tree sum, the larger of the two steps);
 * - the size of the dist folder, by part, and of the content files beside it;
 * - time to first byte of the first request after `next start`, for the home
 *   page, a post and a search, each on a fresh server process;
 * - on one more server: the first request to the oldest post (which a build that
 *   prerenders only the newest posts renders on demand) and the second;
 * - the server's memory (RSS, process tree) after a warm-up crawl;
 * - the largest listing page's HTML, which should not grow with N.
 *
 * It needs no other section and no seed server.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os, { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { folderBytes } from '../lib/files'
import { BIN, CONTENTLAYER, ROOT, freePort, run, startNextServer, stopServer, waitForPort } from '../lib/process'
import { makeWriter, prng, type Writer } from './corpus'
import { measure, treeRss } from './measure'
import { formatBytes, formatMs, type BenchRow, type BenchSection } from './types'

export const DEFAULT_SCALE_POSTS = 1_000
const SEED = 20140120
const DIST_DIR = '.next-bench-scale'
const TAG_COUNT = 40
/** The newest post is dated here and the rest spread evenly over the ten years before, so N changes only how dense the archive is. */
const NEWEST = Date.UTC(2025, 11, 31, 12, 0, 0)
const SPAN_MS = 10 * 365.25 * 86_400_000
const AUTHOR = 'digital-communications-manager'
/** Every request is bounded, so a hung server fails the section instead of the bench. */
const REQUEST_TIMEOUT_MS = 120_000

export const slugOf = (i: number) => `synthetic-post-${i + 1}`

/** One post, valid for contentlayer.config.ts: ~800 words in an intro and three headed sections, 1–3 tags, one link and one list. */
function syntheticPost(i: number, posts: number, writer: Writer, random: () => number): string {
  const { sentence } = writer
  const paragraph = (words: number) => {
    const sentences: string[] = []
    for (let count = 0; count < words;) {
      const length = Math.min(8 + Math.floor(random() * 14), words - count)
      sentences.push(sentence(length))
      count += length
    }
    return sentences.join(' ')
  }
  const date = new Date(NEWEST - Math.round(((posts - 1 - i) * SPAN_MS) / posts / 60_000) * 60_000).toISOString()
  // Skewed towards the first tags, as real blogs have a few big topics and a long tail.
  const tag = () => `topic-${1 + Math.floor(TAG_COUNT * random() ** 2)}`
  const tags = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, tag))]
  // 110 + 3 × (2 × 115) = 800 words.
  const body = [paragraph(110)]
  for (let h = 1; h <= 3; h++) {
    body.push(`## ${sentence(3 + Math.floor(random() * 4)).slice(0, -1)}`, paragraph(115))
    if (h === 2) body.push(['- ' + sentence(4), '- ' + sentence(5), '- ' + sentence(4)].join('\n'))
    body.push(paragraph(115))
  }
  body.push(`Read more on [${sentence(3).slice(0, -1)}](https://www.example.org/${slugOf(i)}).`)
  return [
    '---',
    `title: "Synthetic post ${i + 1}: ${sentence(4 + Math.floor(random() * 6)).slice(0, -1)}"`,
    `date: ${date}`,
    `summary: "${sentence(20)}"`,
    `tags: [${tags.join(', ')}]`,
    `author: ${AUTHOR}`,
    '---',
    '',
    body.join('\n\n'),
    '',
  ].join('\n')
}

/** A temp content folder with the real authors and N synthetic posts (no seed posts). Returns it and a few common words to search for. */
export function writeSyntheticContent(posts: number): { dir: string; queries: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sandbank-bench-scale-'))
  cpSync(path.join(ROOT, 'content/authors'), path.join(dir, 'content/authors'), { recursive: true })
  mkdirSync(path.join(dir, 'content/posts'))
  const random = prng(SEED)
  const writer = makeWriter(random)
  for (let i = 0; i < posts; i++) writeFileSync(path.join(dir, `content/posts/${slugOf(i)}.mdx`), syntheticPost(i, posts, writer, random))
  // Common content words (the vocabulary is most common first; the first are real English words).
  const queries = [...writer.vocabulary.slice(0, 10), ...writer.vocabulary.slice(200, 210)]
  return { dir, queries }
}

type Timed = { status: number; ttfbMs: number; totalMs: number; body: Buffer; headers: Headers }

async function timedGet(url: string): Promise<Timed> {
  const started = performance.now()
  const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
  const ttfbMs = performance.now() - started
  const body = Buffer.from(await response.arrayBuffer())
  return { status: response.status, ttfbMs, totalMs: performance.now() - started, body, headers: response.headers }
}

type Server = { baseUrl: string; stop: () => Promise<void>; pid: number; listenMs: number }

async function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const started = performance.now()
  const child = startNextServer(port, { ...env, SITE_URL: baseUrl, NEXTAUTH_URL: baseUrl })
  await waitForPort(port, child, 'next start')
  const listenMs = performance.now() - started
  return { baseUrl, pid: child.pid!, listenMs, stop: () => stopServer(child) }
}

/**
 * First request on a fresh `next start`: what a reader gets after a deploy or
 * a restart. A 503 (search still loading) is an allowed answer; then the
 * request is repeated as Retry-After asks until it succeeds, and how long that
 * took from the first request is `answeredMs`.
 */
async function coldRequest(env: NodeJS.ProcessEnv, pathname: string): Promise<Timed & { listenMs: number; answeredMs: number }> {
  const server = await startServer(env)
  try {
    const started = performance.now()
    const timed = await timedGet(server.baseUrl + pathname)
    let answer = timed
    for (let tries = 0; answer.status === 503 && tries < 30; tries++) {
      await new Promise((resolve) => setTimeout(resolve, Number(answer.headers.get('retry-after') ?? 1) * 1000))
      answer = await timedGet(server.baseUrl + pathname)
    }
    if (answer.status !== 200) throw new Error(`scale: cold ${pathname} answered ${timed.status}, then ${answer.status}`)
    return { ...timed, listenMs: server.listenMs, answeredMs: answer === timed ? timed.totalMs : performance.now() - started }
  } finally {
    await server.stop()
  }
}

const LISTING = /^\/(page\/\d+|tags(\/[^/]+(\/page\/\d+)?)?|archive(\/\d{4}(\/page\/\d+)?)?|authors\/[^/]+(\/page\/\d+)?)?$/

type Listing = { pathname: string; raw: number; gzip: number }

/**
 * Home and its pages, every tag's first page and the tag index, the archive and
 * each year linked from it, the author's page, a hundred posts spread over the
 * archive, the three feeds, the sitemap and twenty searches. Returns every
 * listing page's size.
 */
async function warmUpCrawl(
  baseUrl: string,
  posts: number,
  queries: readonly string[],
): Promise<{ listings: Listing[]; requests: number; failures: string[] }> {
  const listings: Listing[] = []
  const failures: string[] = []
  let requests = 0
  const visit = async (pathname: string): Promise<string> => {
    const timed = await timedGet(baseUrl + pathname)
    requests++
    if (timed.status !== 200) {
      failures.push(`${pathname} ${timed.status}`)
      return ''
    }
    if (LISTING.test(pathname)) listings.push({ pathname, raw: timed.body.byteLength, gzip: gzipSync(timed.body, { level: 9 }).byteLength })
    return timed.body.toString('utf8')
  }
  const links = (html: string, pattern: RegExp) => [...new Set([...html.matchAll(pattern)].map((match) => match[1]))]
  const home = await visit('/')
  for (const page of links(home, /href="(\/page\/\d+)"/g)) await visit(page)
  await visit('/page/3')
  const tags = await visit('/tags')
  for (const tag of links(tags, /href="(\/tags\/[^"/]+)"/g)) {
    const first = await visit(tag)
    for (const page of links(first, /href="(\/tags\/[^"/]+\/page\/\d+)"/g)) await visit(page)
  }
  const archive = await visit('/archive')
  for (const year of links(archive, /href="(\/archive\/\d{4})"/g)) await visit(year)
  await visit(`/authors/${AUTHOR}`)
  for (let k = 0; k < 100; k++) await visit(`/posts/${slugOf(Math.floor((k * posts) / 100))}`)
  for (const feed of ['/feed.xml', '/atom.xml', '/feed.json', '/sitemap.xml']) await visit(feed)
  for (const q of queries) await visit(`/api/search?q=${encodeURIComponent(q)}`)
  return { listings, requests, failures }
}

export type ScaleOptions = { posts: number }

export function scaleSection({ posts }: ScaleOptions): BenchSection {
  return {
    name: 'scale',
    needsSeedServer: false,
    async run() {
      const section = 'scale'
      const rows: BenchRow[] = []
      const add = (metric: string, value: string, target?: string) => rows.push({ section, metric, value, target })
      add('posts', posts.toLocaleString('en-GB'))
      add('machine load average (1 min) at start', os.loadavg()[0].toFixed(2))
      const { dir: workDir, queries } = writeSyntheticContent(posts)
      const env: NodeJS.ProcessEnv & { NEXT_DIST_DIR: string } = {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        CONTENT_DIR: path.join(workDir, 'content'),
        NEXT_DIST_DIR: DIST_DIR,
        AUTHORS_FILE: path.join(workDir, 'authors.json'),
        NEXTAUTH_SECRET: 'bench-only-secret-bench-only-secret-0123456789',
      }
      const distDir = path.join(ROOT, DIST_DIR)
      try {
        rmSync(distDir, { recursive: true, force: true })
        const contentlayer = await measure(CONTENTLAYER, ['build'], env)
        const next = await measure(path.join(BIN, 'next'), ['build'], env)
        const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
        add('build: total (contentlayer2 build + next build)', seconds(contentlayer.ms + next.ms), '≤ 6 min at 10,000')
        add('build: contentlayer2 build', seconds(contentlayer.ms))
        add('build: next build', seconds(next.ms))
        add(
          'build: peak RSS (process tree sum, larger step)',
          formatBytes(Math.max(contentlayer.peakTreeRssBytes, next.peakTreeRssBytes)),
          '≤ 2 GiB at 10,000',
        )
        add('build: contentlayer2 peak RSS (process tree sum)', formatBytes(contentlayer.peakTreeRssBytes))
        add('build: next build peak RSS (process tree sum)', formatBytes(next.peakTreeRssBytes))

        add(`${DIST_DIR}/ on disk`, formatBytes(folderBytes(distDir)), '≤ 1.5 GB at 10,000')
        for (const part of ['server', 'cache', 'static']) add(`${DIST_DIR}/${part}`, formatBytes(folderBytes(path.join(distDir, part))))
        const sourceMaps = listFiles(path.join(distDir, 'server')).filter((file) => file.endsWith('.map'))
        add(
          `${DIST_DIR}/server source maps`,
          `${sourceMaps.length} files, ${formatBytes(sourceMaps.reduce((sum, file) => sum + statSync(file).size, 0))}`,
        )
        add('.contentlayer/ content beside the build (generated + store, no cache)', formatBytes(contentBytes()))

        const newest = `/posts/${slugOf(posts - 1)}`
        const search = `/api/search?q=${encodeURIComponent(queries[0])}`
        const home = await coldRequest(env, '/')
        add('server: time from spawn to listening', formatMs(home.listenMs))
        add('cold start: first request, home page, time to first byte', formatMs(home.ttfbMs), '≤ 1 s')
        const post = await coldRequest(env, newest)
        add('cold start: first request, newest post, time to first byte', formatMs(post.ttfbMs), '≤ 1 s')
        const firstSearch = await coldRequest(env, search)
        add('cold start: first request, search, time to first byte (status)', `${formatMs(firstSearch.ttfbMs)} (${firstSearch.status})`, '≤ 1 s')
        add('cold start: search, time until it answered with results', formatMs(firstSearch.answeredMs))

        const server = await startServer(env)
        try {
          await timedGet(server.baseUrl + '/')
          // The oldest posts are the last a build would prerender: the first is also the post route's first request
          // since the start, the second is what any reader opening an old post gets from a running server.
          const ttfb = async (pathname: string) => {
            const timed = await timedGet(server.baseUrl + pathname)
            if (timed.status !== 200) throw new Error(`scale: ${pathname} answered ${timed.status}`)
            return timed.ttfbMs
          }
          add('warm server: oldest post, first request, time to first byte', formatMs(await ttfb(`/posts/${slugOf(0)}`)))
          add('warm server: oldest post, second request, time to first byte', formatMs(await ttfb(`/posts/${slugOf(0)}`)))
          add(
            'warm server: second-oldest post, first request (post route already used), time to first byte',
            formatMs(await ttfb(`/posts/${slugOf(1)}`)),
            '< 300 ms',
          )
          const crawl = await warmUpCrawl(server.baseUrl, posts, queries)
          if (crawl.failures.length > 0)
            console.error(`scale: ${crawl.failures.length} crawl requests failed: ${crawl.failures.slice(0, 5).join(', ')}`)
          add('warm-up crawl: requests (failed)', `${crawl.requests} (${crawl.failures.length})`)
          add('server RSS after the warm-up crawl (process tree)', formatBytes(treeRss(server.pid)), '≤ 600 MB at 10,000')
          const largest = crawl.listings.reduce((a, b) => (b.gzip > a.gzip ? b : a))
          add(
            'largest listing page crawled (by gzip size)',
            `${formatBytes(largest.raw)} (${formatBytes(largest.gzip)} gzip), ${largest.pathname}, of ${crawl.listings.length}`,
            '≤ 60 KB gzip',
          )
          const archive = crawl.listings.find((listing) => listing.pathname === '/archive')
          if (archive) add('/archive', `${formatBytes(archive.raw)} (${formatBytes(archive.gzip)} gzip)`)
        } finally {
          await server.stop()
        }
        add('machine load average (1 min) at end', os.loadavg()[0].toFixed(2))
      } finally {
        rmSync(workDir, { recursive: true, force: true })
        rmSync(distDir, { recursive: true, force: true })
        await restoreSeedContent()
      }
      return rows
    },
  }
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? listFiles(full) : [full]
  })
}

/** What the server reads from .contentlayer/: the generated documents, and the content store when there is one. */
function contentBytes(): number {
  const contentlayer = path.join(ROOT, '.contentlayer')
  let total = folderBytes(path.join(contentlayer, 'generated'))
  const pointer = path.join(contentlayer, 'store', 'current.mjs')
  if (existsSync(pointer)) {
    const id = readFileSync(pointer, 'utf8').match(/['"]([0-9a-f]{8,})['"]/)?.[1]
    if (id) total += folderBytes(path.join(contentlayer, 'store', id))
  }
  return total
}

/**
 * .contentlayer/ now holds the synthetic posts: put the seed content back for
 * `npm run dev` and the editor. Removed first, because contentlayer rewrites the
 * index but leaves one JSON file per synthetic post behind.
 */
export async function restoreSeedContent(): Promise<void> {
  rmSync(path.join(ROOT, '.contentlayer/generated'), { recursive: true, force: true })
  await run(CONTENTLAYER, ['build'], { ...process.env, CONTENT_DIR: '' })
}
