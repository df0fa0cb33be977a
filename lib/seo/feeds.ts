import { Feed } from 'feed'
import { absoluteUrl, site } from '../config'
import type { Author, Post } from '../content'
import { getAuthor, getPublishedPosts, readPostHtml } from '../content/server'
import { slugify } from '../markdown'
import { FEEDS, authorUrl, postUrl, tagUrl } from '../routes'

/** How many posts a feed carries (the content store renders HTML only for posts that can be among them). */
export const FEED_SIZE = site.feedPosts

/** A post with its rendered HTML, which only the posts a feed lists need. */
export type FeedPost = Post & { html: string | undefined }

function escapeXmlText(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
}

type FeedInput = {
  posts: readonly FeedPost[]
  authors: (id: string | undefined) => Author | undefined
}

/** One Feed object serves RSS 2.0, Atom 1.0 and JSON Feed 1.1. */
export function buildFeed({ posts, authors }: FeedInput): Feed {
  const latest = posts.slice(0, FEED_SIZE)
  const updated = latest[0] ? new Date(latest[0].updated ?? latest[0].date) : new Date(0)
  const feed = new Feed({
    id: site.url + '/',
    link: site.url + '/',
    title: site.name,
    description: site.description,
    language: site.language,
    updated,
    generator: 'Sandbank',
    copyright: `© ${site.name}`,
    feedLinks: { rss: absoluteUrl(FEEDS.rss), atom: absoluteUrl(FEEDS.atom), json: absoluteUrl(FEEDS.json) },
  })
  for (const post of latest) {
    const author = authors(post.author)
    const url = absoluteUrl(postUrl(post))
    feed.addItem({
      id: url,
      link: url,
      title: post.title,
      description: post.summary,
      // HTML is rendered at build time for every post that can be in a feed; should one lack it, the summary stands in.
      content: post.html ?? `<p>${escapeXmlText(post.summary)}</p>`,
      date: new Date(post.updated ?? post.date),
      published: new Date(post.date),
      author: author ? [{ name: author.name, link: absoluteUrl(authorUrl(author.id)) }] : undefined,
      category: post.tags.map((tag) => ({ name: tag, domain: absoluteUrl(tagUrl(slugify(tag))) })),
    })
  }
  return feed
}

export type FeedFormat = 'rss' | 'atom' | 'json'

const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
}

type JsonFeedAuthor = { name?: string; url?: string }
type JsonFeed = {
  version: string
  language?: string
  author?: JsonFeedAuthor
  authors?: JsonFeedAuthor[]
  items: { author?: JsonFeedAuthor; authors?: JsonFeedAuthor[] }[]
}

/** The feed library writes JSON Feed 1.0; 1.1 renames `author` to an `authors` list and adds `language`. */
export function toJsonFeed11(json1: string, language: string): string {
  const feed = JSON.parse(json1) as JsonFeed
  const upgrade = <T extends { author?: JsonFeedAuthor; authors?: JsonFeedAuthor[] }>(entry: T): T => {
    const { author, ...rest } = entry
    return (author ? { ...rest, authors: [author] } : rest) as T
  }
  const upgraded = { ...upgrade(feed), version: 'https://jsonfeed.org/version/1.1', language, items: feed.items.map(upgrade) }
  return JSON.stringify(upgraded, null, 2)
}

export function serializeFeed(feed: Feed, format: FeedFormat): string {
  if (format === 'rss') return feed.rss2()
  if (format === 'atom') return feed.atom1()
  return toJsonFeed11(feed.json1(), site.language)
}

/** What a feed carries as of `now`: the newest published posts, whole, with their HTML (the only part read from disk). */
export function feedEntries(now: Date = new Date()): Promise<FeedPost[]> {
  const latest = getPublishedPosts(now).slice(0, FEED_SIZE)
  return Promise.all(latest.map(async (post) => ({ ...post, html: await readPostHtml(post) })))
}

/** The response a feed route returns: the newest published posts as of now. */
export async function feedResponse(format: FeedFormat, now: Date = new Date()): Promise<Response> {
  const feed = buildFeed({ posts: await feedEntries(now), authors: getAuthor })
  return new Response(serializeFeed(feed, format), { headers: { 'Content-Type': CONTENT_TYPES[format] } })
}
