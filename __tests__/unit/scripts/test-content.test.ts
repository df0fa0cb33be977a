import fs from 'node:fs'
import path from 'node:path'
import { ROOT } from '@/scripts/lib/process'
import { SEED_CONTENT, e2eContentDir } from '@/scripts/lib/test-content'

/** The slugs of a posts folder: `x.mdx` files and `x/index.mdx` bundles. */
const postSlugs = (dir: string) =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .map((entry) => (entry.isDirectory() ? entry.name : entry.name.replace(/\.mdx$/, '')))
    .sort()

test('the end-to-end suite builds the seed site and its own fixtures, whatever content/ holds', async () => {
  const dir = await e2eContentDir({ liveAt: new Date('2030-01-01T00:00:00Z'), fillerPosts: 2, photos: false })
  try {
    const expected = [
      ...postSlugs(path.join(SEED_CONTENT, 'posts')),
      ...postSlugs(path.join(ROOT, '__tests__/fixtures/content/posts')),
      'goes-live-soon',
      'filler-post-1',
      'filler-post-2',
    ].sort()
    expect(postSlugs(path.join(dir, 'content/posts'))).toEqual(expected)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
