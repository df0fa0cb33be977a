/**
 * Build time and peak memory for the seed site (timed by bench.ts, which builds it
 * anyway) and for 1,000 synthetic posts built into .next-bench-build from a temp
 * content dir, the way `npm run build` runs: `contentlayer2 build` then `next build`.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { BIN, ROOT, run } from '../lib/process'
import { measure } from './measure'
import { prng } from './search'
import { formatBytes, type BenchRow, type BenchSection, type BuildMeasurement } from './types'

const POSTS = 1_000
const WORDS_PER_POST = 500
const SEED = 20140324
const DIST_DIR = '.next-bench-build'

const WORDS =
  'council digital service users design open data local government public leader network research accessibility content website team project community library housing transport planning budget collaboration camp hack dashboard usability the a of and to in is for with on that as by this we our'.split(
    ' ',
  )
const TAGS = Array.from({ length: 20 }, (_, i) => `synthetic-tag-${i + 1}`)

/** One post that passes the schema in contentlayer.config.ts: a title, a date, a summary, tags, an author, three headings. */
function syntheticPost(i: number, random: () => number): string {
  const word = () => WORDS[Math.floor(random() * WORDS.length)]
  const sentence = (length: number) => {
    const text = Array.from({ length }, word).join(' ')
    return text[0].toUpperCase() + text.slice(1) + '.'
  }
  const paragraph = (words: number) => {
    const sentences: string[] = []
    for (let count = 0; count < words;) {
      // The last sentence is cut short so the paragraph has exactly the words asked for.
      const length = Math.min(8 + Math.floor(random() * 14), words - count)
      sentences.push(sentence(length))
      count += length
    }
    return sentences.join(' ')
  }
  // Dates a day apart from 2000, all in the past, so every post is published and the archive spans years.
  const date = new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)
  const tags = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => TAGS[Math.floor(random() * TAGS.length)]))]
  // An intro and three headed sections of two paragraphs: 95 + 3 × (45 + 90) = WORDS_PER_POST, and a table of contents.
  const body = [paragraph(95)]
  for (let h = 1; h <= 3; h++) body.push(`## ${sentence(3 + Math.floor(random() * 4)).slice(0, -1)}`, paragraph(45), paragraph(90))
  return [
    '---',
    `title: "Synthetic post ${i + 1}: ${sentence(4 + Math.floor(random() * 6)).slice(0, -1)}"`,
    `date: ${date}`,
    `summary: "${sentence(20)}"`,
    `tags: [${tags.join(', ')}]`,
    'author: digital-communications-manager',
    '---',
    '',
    body.join('\n\n'),
    '',
  ].join('\n')
}

/** A temp content dir with the real authors and POSTS synthetic posts (no seed posts). */
function syntheticContentDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sandbank-bench-build-'))
  cpSync(path.join(ROOT, 'content/authors'), path.join(dir, 'content/authors'), { recursive: true })
  mkdirSync(path.join(dir, 'content/posts'))
  const random = prng(SEED)
  for (let i = 0; i < POSTS; i++) writeFileSync(path.join(dir, `content/posts/synthetic-post-${i + 1}.mdx`), syntheticPost(i, random))
  return dir
}

/** A cold build: the dist folder is removed first, so NEXT_DIST_DIR is required (never the `.next` that `npm start` serves). */
export async function measureBuild(env: NodeJS.ProcessEnv & { NEXT_DIST_DIR: string }, posts: number): Promise<BuildMeasurement> {
  rmSync(path.join(ROOT, env.NEXT_DIST_DIR), { recursive: true, force: true })
  const contentlayer = await measure(path.join(BIN, 'contentlayer2'), ['build'], env)
  const next = await measure(path.join(BIN, 'next'), ['build'], env)
  return { posts, contentlayer, next }
}

function rows(label: string, build: BuildMeasurement): BenchRow[] {
  const section = 'build'
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
  return [
    { section, metric: `${label}: total (contentlayer2 build + next build)`, value: seconds(build.contentlayer.ms + build.next.ms) },
    { section, metric: `${label}: contentlayer2 build`, value: seconds(build.contentlayer.ms) },
    { section, metric: `${label}: next build`, value: seconds(build.next.ms) },
    { section, metric: `${label}: contentlayer2 max RSS (largest process)`, value: formatBytes(build.contentlayer.maxRssBytes) },
    { section, metric: `${label}: next build max RSS (largest process)`, value: formatBytes(build.next.maxRssBytes) },
    { section, metric: `${label}: next build peak RSS (process tree sum)`, value: formatBytes(build.next.peakTreeRssBytes) },
  ]
}

export const buildSection: BenchSection = {
  name: 'build',
  async run({ seedBuild }) {
    const workDir = syntheticContentDir()
    let large: BuildMeasurement
    try {
      const env = {
        ...process.env,
        NODE_ENV: 'production' as const,
        NEXT_TELEMETRY_DISABLED: '1',
        CONTENT_DIR: path.join(workDir, 'content'),
        NEXT_DIST_DIR: DIST_DIR,
      }
      large = await measureBuild(env, POSTS)
    } finally {
      rmSync(workDir, { recursive: true, force: true })
      rmSync(path.join(ROOT, DIST_DIR), { recursive: true, force: true })
      // .contentlayer/generated now holds the synthetic posts: put the seed back for `npm run dev` and the editor. Removed
      // first, because contentlayer rewrites the index but leaves one JSON file per synthetic post behind.
      rmSync(path.join(ROOT, '.contentlayer/generated'), { recursive: true, force: true })
      await run(path.join(BIN, 'contentlayer2'), ['build'], { ...process.env, CONTENT_DIR: '' })
    }
    const total = (build: BuildMeasurement) => build.contentlayer.ms + build.next.ms
    const marginal = (total(large) - total(seedBuild)) / (large.posts - seedBuild.posts)
    return [
      ...rows(`seed site, ${seedBuild.posts} posts`, seedBuild),
      ...rows(`${POSTS.toLocaleString('en-GB')} synthetic posts × ~${WORDS_PER_POST} words`, large),
      {
        section: 'build',
        metric: `marginal time per post, (t${POSTS} − tseed) / (${POSTS} − ${seedBuild.posts})`,
        value: `${marginal.toFixed(0)} ms`,
      },
    ]
  },
}
