/**
 * Search at scale: 10,000 synthetic posts of ~800 words indexed by the same
 * lib/search engine the site uses, then timed in process and over HTTP.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { createSearchIndex, searchIndex, type SearchDocument } from '../../lib/search'
import { makeWriter, prng } from './corpus'
import { formatBytes, formatMs, httpLatencies, percentile, type BenchRow, type BenchSection } from './types'

const POSTS = 10_000
const WORDS_PER_POST = 800
const QUERIES = 1_000
const SEED = 20140414

type Corpus = { posts: SearchDocument[]; vocabulary: string[] }

function makeCorpus(random: () => number): Corpus {
  const { vocabulary, pick, sentence } = makeWriter(random)
  const tags = Array.from({ length: 200 }, () => pick(vocabulary))
  const posts: SearchDocument[] = []
  for (let i = 0; i < POSTS; i++) {
    const body: string[] = []
    for (let count = 0; count < WORDS_PER_POST;) {
      const length = 6 + Math.floor(random() * 18)
      body.push(sentence(length))
      count += length
    }
    posts.push({
      id: `/posts/synthetic-${i}`,
      title: sentence(3 + Math.floor(random() * 6)).slice(0, -1),
      summary: sentence(20 + Math.floor(random() * 10)),
      tags: Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(tags)),
      date: new Date(Date.UTC(2010, 0, 1) + i * 86_400_000).toISOString(),
      text: body.join(' '),
    })
  }
  return { posts, vocabulary }
}

type Kind = 'word' | 'prefix' | 'typo' | 'two words'

/** Mixed as readers type: whole words, half-typed words, misspellings and pairs. */
function makeQueries(random: () => number, vocabulary: readonly string[]): { kind: Kind; q: string }[] {
  // Readers search for words that exist, mostly the commoner ones.
  const common = vocabulary.slice(0, 3000)
  const pick = () => common[Math.floor(random() * common.length)]
  const typo = (w: string) => {
    const at = 1 + Math.floor(random() * (w.length - 1))
    const letter = String.fromCharCode(97 + Math.floor(random() * 26))
    return random() < 0.5 ? w.slice(0, at) + letter + w.slice(at + 1) : w.slice(0, at) + w.slice(at + 1)
  }
  const queries: { kind: Kind; q: string }[] = []
  for (let i = 0; i < QUERIES; i++) {
    const r = i % 10
    if (r < 3) queries.push({ kind: 'word', q: pick() })
    else if (r < 5) {
      const w = pick()
      queries.push({ kind: 'prefix', q: w.slice(0, Math.max(3, Math.ceil(w.length * 0.6))) })
    } else if (r < 8) {
      let w = pick()
      while (w.length < 5) w = pick()
      queries.push({ kind: 'typo', q: typo(w) })
    } else queries.push({ kind: 'two words', q: `${pick()} ${pick()}` })
  }
  return queries
}

/** A full collection, so memory figures are what the index holds rather than garbage not yet swept. */
function collect() {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  gc()
  gc()
}

/** The benchmark's posts and queries, the same on every run. */
export function searchBenchCorpus(): { posts: SearchDocument[]; queries: { kind: Kind; q: string }[] } {
  const random = prng(SEED)
  const { posts, vocabulary } = makeCorpus(random)
  return { posts, queries: makeQueries(random, vocabulary) }
}

/**
 * The in-process rows: the synthetic corpus indexed, then the mixed queries
 * timed. Exported so one run can time two versions of lib/search against the
 * same corpus and queries (docs/search.md's before and after).
 */
export function inProcessSearchRows(
  engine: { createSearchIndex: typeof createSearchIndex; searchIndex: typeof searchIndex } = { createSearchIndex, searchIndex },
  section = 'search',
): BenchRow[] {
  const rows: BenchRow[] = []
  const { posts, queries } = searchBenchCorpus()

  collect()
  const before = process.memoryUsage()
  const started = performance.now()
  const index = engine.createSearchIndex(posts)
  const buildMs = performance.now() - started
  collect()
  const after = process.memoryUsage()
  rows.push({ section, metric: `index build, ${POSTS.toLocaleString('en-GB')} posts × ~${WORDS_PER_POST} words`, value: formatMs(buildMs) })
  rows.push({ section, metric: 'index heapUsed delta after load', value: formatBytes(after.heapUsed - before.heapUsed) })
  rows.push({ section, metric: 'index rss delta after load', value: formatBytes(after.rss - before.rss) })
  rows.push({ section, metric: 'serialized index (JSON.stringify)', value: formatBytes(Buffer.byteLength(JSON.stringify(index.engine))) })

  for (const { q } of queries.slice(0, 50)) engine.searchIndex(index, q)
  const byKind = new Map<Kind, number[]>()
  const all: number[] = []
  let hits = 0
  for (const { kind, q } of queries) {
    const start = performance.now()
    const response = engine.searchIndex(index, q)
    const ms = performance.now() - start
    hits += response.total > 0 ? 1 : 0
    all.push(ms)
    byKind.set(kind, [...(byKind.get(kind) ?? []), ms])
  }
  all.sort((a, b) => a - b)
  const label = `${queries.length} mixed queries, top 10 with snippets`
  rows.push({ section, metric: `in-process p50, ${label}`, value: formatMs(percentile(all, 50)) })
  rows.push({ section, metric: `in-process p99, ${label}`, value: formatMs(percentile(all, 99)), target: '< 5 ms at 10,000 posts' })
  for (const [kind, times] of byKind) {
    times.sort((a, b) => a - b)
    rows.push({ section, metric: `in-process p99, ${kind} (${times.length})`, value: formatMs(percentile(times, 99)) })
  }
  rows.push({ section, metric: 'queries with at least one result', value: `${hits} of ${queries.length}` })
  return rows
}

/** Words to write posts in each language from (Persian with its zero-width non-joiners, Chinese without spaces). */
const LANGUAGE_WORDS: Record<string, { lang: string; words: string[]; joiner: string }> = {
  Welsh: {
    lang: 'cy',
    joiner: ' ',
    words:
      'gwasanaethau digidol cyngor data agored cyhoeddi datblygu cynllunio trigolion cymuned llywodraeth leol gwybodaeth prosiect tîm gwaith newydd adroddiad cyllideb ysgolion ffyrdd iechyd tai diwylliant iaith Gymraeg arolwg gwefan ymgynghoriad penderfyniad cyfarfod pwyllgor swyddogion partneriaid defnyddwyr anghenion'.split(
        ' ',
      ),
  },
  Persian: {
    lang: 'fa',
    joiner: ' ',
    words:
      'داده‌های باز شهرداری خدمات دیجیتال شهروندان گزارش بودجه سامانه‌ها کتابخانه عمومی پروژه توسعه برنامه‌ریزی اطلاعات شورای شهر مدیریت شفافیت می‌خواهیم منتشر کنیم سال آینده طرح‌های جدید آموزش سلامت حمل‌ونقل محیط زیست مشارکت نظرسنجی وب‌سایت'.split(
        ' ',
      ),
  },
  Chinese: {
    lang: 'zh-Hans',
    joiner: '',
    words:
      '我们 正在 推进 数字化 政府 服务 开放 数据 项目 每个 月 发布 城市 市民 信息 公开 预算 报告 系统 图书馆 公共 交通 环境 教育 健康 社区 规划 发展 管理 透明 参与 调查 网站 政策 会议 委员会 部门 合作'.split(
        ' ',
      ),
  },
}

/**
 * Indexing and searching posts in Welsh, Persian and Chinese (1,000 posts of
 * ~300 words each), so the cost of their analysis per word (segmentation,
 * normalisation) stands beside the English corpus's.
 */
export function languageSearchRows(section = 'search'): BenchRow[] {
  const rows: BenchRow[] = []
  for (const [name, { lang, words, joiner }] of Object.entries(LANGUAGE_WORDS)) {
    const random = prng(SEED)
    const pick = () => words[Math.floor(random() * words.length)]
    const sentence = (length: number) => Array.from({ length }, pick).join(joiner) + (joiner ? '. ' : '。')
    const posts: SearchDocument[] = Array.from({ length: 1_000 }, (_, i) => ({
      id: `/posts/${name.toLowerCase()}-${i}`,
      lang,
      title: sentence(5),
      summary: sentence(15),
      tags: [pick(), pick()],
      date: new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString(),
      text: Array.from({ length: 20 }, () => sentence(14)).join(joiner ? ' ' : ''),
    }))
    const totalWords = posts.length * (5 + 15 + 2 + 20 * 14)
    const started = performance.now()
    const index = createSearchIndex(posts)
    const buildMs = performance.now() - started
    const times: number[] = []
    let found = 0
    for (let i = 0; i < 300; i++) {
      const q = i % 3 === 2 ? `${pick()} ${pick()}` : pick()
      const start = performance.now()
      found += searchIndex(index, q).total > 0 ? 1 : 0
      times.push(performance.now() - start)
    }
    times.sort((a, b) => a - b)
    rows.push({ section, metric: `${name}: index build per 1,000 words (${posts.length} posts)`, value: formatMs((buildMs / totalWords) * 1000) })
    rows.push({ section, metric: `${name}: in-process p99, 300 queries (${found} with results)`, value: formatMs(percentile(times, 99)) })
  }
  return rows
}

export const searchSection: BenchSection = {
  name: 'search',
  async run({ baseUrl }) {
    const section = 'search'
    const rows = [...inProcessSearchRows(), ...languageSearchRows()]

    // The bench server holds the seed posts, so this measures the route's own cost and the size of an answer.
    const httpQueries = ['usability', 'dashb', 'usabilty', 'hacking', 'open data', 'digital leadership', 'council', 'qzcanary']
    const http: number[] = []
    let maxBytes = 0
    for (const q of httpQueries) {
      const { latencies, bytes } = await httpLatencies(`${baseUrl}/api/search?q=${encodeURIComponent(q)}`, 50)
      http.push(...latencies)
      maxBytes = Math.max(maxBytes, bytes)
    }
    http.sort((a, b) => a - b)
    const httpLabel = `${http.length} requests, ${httpQueries.length} queries, seed site`
    rows.push({ section, metric: `HTTP p50 /api/search, ${httpLabel}`, value: formatMs(percentile(http, 50)) })
    rows.push({ section, metric: `HTTP p99 /api/search, ${httpLabel}`, value: formatMs(percentile(http, 99)) })
    rows.push({ section, metric: 'HTTP largest response body', value: formatBytes(maxBytes), target: '< 10 KB per query' })
    return rows
  },
}
