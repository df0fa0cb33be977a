/**
 * The content the tests build, all of it the tests' own: never the site's content/, so a site that
 * adds, edits or removes posts keeps a green suite. The units read the seed site as it was shipped
 * (__tests__/fixtures/seed); the end-to-end suite adds its fixtures (__tests__/fixtures/content:
 * canary drafts, a scheduled post, a page with a child, posts in three scripts) and what it writes below.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { writePhotoPost } from './photo-post'
import { ROOT } from './process'

/** The five seed posts, their author and the two pages, as the tests know them. */
export const SEED_CONTENT = path.join(ROOT, '__tests__/fixtures/seed')

/**
 * A temporary folder whose content/ is the seed site, the end-to-end fixtures, a post going live at
 * `liveAt`, `fillerPosts` older posts, and (unless `photos` is false: drawing them takes seconds) a
 * bundle with three large photos. Returns the folder.
 */
export async function e2eContentDir({
  liveAt,
  fillerPosts,
  photos = true,
}: {
  liveAt: Date
  fillerPosts: number
  photos?: boolean
}): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sandbank-e2e-'))
  cpSync(SEED_CONTENT, path.join(dir, 'content'), { recursive: true })
  cpSync(path.join(ROOT, '__tests__/fixtures/content'), path.join(dir, 'content'), { recursive: true })
  writeFileSync(
    path.join(dir, 'content/posts/goes-live-soon.mdx'),
    [
      '---',
      'title: "Goes live soon"',
      `date: ${liveAt.toISOString()}`,
      'summary: "A post scheduled a few minutes after the build, to show it appears without a rebuild."',
      'tags: [schedule-check]',
      '---',
      '',
      'This post was scheduled and went live without a rebuild: sandpipergoeslive.',
      '',
    ].join('\n'),
  )
  for (let i = 1; i <= fillerPosts; i++) {
    // Three days apart from 2 January 2013, oldest first.
    const date = new Date(Date.UTC(2013, 0, 2) + (i - 1) * 3 * 86_400_000).toISOString().slice(0, 10)
    writeFileSync(
      path.join(dir, `content/posts/filler-post-${i}.mdx`),
      [
        '---',
        `title: "Filler post ${i}"`,
        `date: ${date}`,
        `summary: "An older published post, number ${i}, so listings, a tag and a year have several pages."`,
        'tags: [fixture-filler]',
        '---',
        '',
        `Filler post ${i} body.`,
        '',
      ].join('\n'),
    )
  }
  // A bundle post with three large photos, drawn here with sharp (__tests__/e2e/25-images.test.ts).
  if (photos) await writePhotoPost(path.join(dir, 'content'))
  return dir
}
