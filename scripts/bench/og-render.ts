/**
 * Renders cards in this process through lib/og (the function the routes call) and
 * prints timings and PNG sizes as JSON for scripts/bench/og.ts. Run by that section
 * with TSX_TSCONFIG_PATH=scripts/bench/tsconfig.og-render.json.
 */
import type { Post } from '@/lib/content'
import { getAuthor, getPublishedPosts } from '@/lib/content/server'
import { renderPostCard } from '@/lib/og/server'

export type OgRenderResult = {
  seed: { ms: number[]; bytes: number[] }
  synthetic: { ms: number[]; bytes: number[] }
}

const WORDS = 'digital open data council local government service users design Cymru Łódź ŵyn ŷd collaboration leadership camp hack'.split(' ')

/** 100 titles from 1 to ~60 words, deterministic so runs compare. */
export function syntheticTitles(count = 100): string[] {
  return Array.from({ length: count }, (_, i) => Array.from({ length: 1 + ((i * 7) % 60) }, (_, w) => WORDS[(i + w * 3) % WORDS.length]).join(' '))
}

async function timeRender(post: Post): Promise<{ ms: number; bytes: number }> {
  const start = performance.now()
  const png = await (await renderPostCard(post, getAuthor(post.author))).arrayBuffer()
  return { ms: performance.now() - start, bytes: png.byteLength }
}

async function main() {
  const posts = getPublishedPosts()
  await timeRender(posts[0]) // warm-up: wasm and font parsing happen once per process
  const result: OgRenderResult = { seed: { ms: [], bytes: [] }, synthetic: { ms: [], bytes: [] } }
  for (const post of posts) {
    const { ms, bytes } = await timeRender(post)
    result.seed.ms.push(ms)
    result.seed.bytes.push(bytes)
  }
  for (const title of syntheticTitles()) {
    const { ms, bytes } = await timeRender({ ...posts[0], title })
    result.synthetic.ms.push(ms)
    result.synthetic.bytes.push(bytes)
  }
  process.stdout.write(JSON.stringify(result))
}

main().catch((error: Error) => {
  console.error(error)
  process.exit(1)
})
