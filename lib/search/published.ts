/**
 * Search as the site offers it: over published posts and pages only (the one
 * filter in lib/content), with one index per server process.
 */
import 'server-only'
import type { Page, Post } from '../content'
import { getPublishedPages, getPublishedPosts, postVersion } from '../content/server'
import { contentPageUrl, postUrl } from '../routes'
import { createSearchIndex, searchIndex, type SearchDocument, type SearchIndex } from './engine'
import { DEFAULT_LIMIT, type SearchHit, type SearchResponse } from './params'

const versions = new WeakMap<object, string>()

function versionOf(post: Post): string {
  let version = versions.get(post)
  if (version === undefined) versions.set(post, (version = postVersion(post)))
  return version
}

/** Each document's id is its address, which is unique across posts and pages (a post and a page may share a slug). */
function postDocument(post: Post): SearchDocument {
  return { id: postUrl(post), title: post.title, summary: post.summary, tags: post.tags, date: post.date, text: post.text }
}

function pageDocument(page: Page): SearchDocument {
  return { id: contentPageUrl(page), title: page.title, summary: page.summary, tags: [], text: page.text }
}

type PublishedIndex = { index: SearchIndex; types: ReadonlyMap<string, SearchHit['type']> }

let current: { posts: readonly Post[] | undefined; pages: readonly Page[] | undefined; key: string; published: PublishedIndex } | undefined

/**
 * The index of what is published at `now`. It lives as long as the server
 * process and is rebuilt only when the set of published posts changes (a
 * scheduled post going live), so requests never pay for indexing. Pages have
 * no schedule, so they change only with a new build.
 */
export function publishedSearchIndex(now: Date = new Date(), posts?: readonly Post[], pages?: readonly Page[]): PublishedIndex {
  const publishedPosts = getPublishedPosts(now, posts)
  const publishedPages = getPublishedPages(now, pages)
  const key = [...publishedPosts.map((post) => `${post.slug}@${versionOf(post)}`), ...publishedPages.map(contentPageUrl)].join(' ')
  if (!current || current.posts !== posts || current.pages !== pages || current.key !== key) {
    const types = new Map<string, SearchHit['type']>([
      ...publishedPosts.map((post) => [postUrl(post), 'post'] as const),
      ...publishedPages.map((page) => [contentPageUrl(page), 'page'] as const),
    ])
    const index = createSearchIndex([...publishedPosts.map(postDocument), ...publishedPages.map(pageDocument)])
    current = { posts, pages, key, published: { index, types } }
  }
  return current.published
}

export function searchPublished(
  query: string,
  { limit = DEFAULT_LIMIT, now = new Date(), posts, pages }: { limit?: number; now?: Date; posts?: readonly Post[]; pages?: readonly Page[] } = {},
): SearchResponse {
  const { index, types } = publishedSearchIndex(now, posts, pages)
  const found = searchIndex(index, query, limit)
  return {
    query: found.query,
    total: found.total,
    results: found.results.map(({ id, title, date, summary, snippet, tags, score }) => ({
      type: types.get(id) ?? 'post',
      title,
      url: id,
      date,
      summary,
      snippet,
      tags,
      score,
    })),
  }
}
