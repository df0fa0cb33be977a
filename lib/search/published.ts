/**
 * Search as the site offers it: over published posts only (the one filter in
 * lib/content), with one index per server process.
 */
import 'server-only'
import type { Post } from '../content'
import { getPublishedPosts, postVersion } from '../content/server'
import { postUrl } from '../routes'
import { createSearchIndex, searchIndex, type SearchIndex } from './engine'
import { DEFAULT_LIMIT, type SearchResponse } from './params'

const versions = new WeakMap<object, string>()

function versionOf(post: Post): string {
  let version = versions.get(post)
  if (version === undefined) versions.set(post, (version = postVersion(post)))
  return version
}

let current: { source: readonly Post[] | undefined; key: string; index: SearchIndex } | undefined

/**
 * The index of what is published at `now`. It lives as long as the server
 * process and is rebuilt only when the set of published posts changes (a
 * scheduled post going live), so requests never pay for indexing.
 */
export function publishedSearchIndex(now: Date = new Date(), posts?: readonly Post[]): SearchIndex {
  const published = getPublishedPosts(now, posts)
  const key = published.map((post) => `${post.slug}@${versionOf(post)}`).join(' ')
  if (!current || current.source !== posts || current.key !== key) {
    current = { source: posts, key, index: createSearchIndex(published) }
  }
  return current.index
}

export function searchPublishedPosts(
  query: string,
  { limit = DEFAULT_LIMIT, now = new Date(), posts }: { limit?: number; now?: Date; posts?: readonly Post[] } = {},
): SearchResponse {
  const found = searchIndex(publishedSearchIndex(now, posts), query, limit)
  return {
    query: found.query,
    total: found.total,
    results: found.results.map(({ slug, title, date, summary, snippet, tags, score }) => ({
      title,
      url: postUrl({ slug }),
      date,
      summary,
      snippet,
      tags,
      score,
    })),
  }
}
