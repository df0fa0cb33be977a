import type { MetadataRoute } from 'next'
import { absoluteUrl } from '../config'
import { getAuthors, getPublishedPages, getPublishedPosts, getTags, pageCount } from '../content/server'
import { ARCHIVE, HOME, TAGS, authorUrl, contentPageUrl, pageUrl, postUrl, tagUrl } from '../routes'

export function sitemapEntries(now: Date = new Date()): MetadataRoute.Sitemap {
  const posts = getPublishedPosts(now)
  const newest = posts[0] ? new Date(posts[0].updated ?? posts[0].date) : undefined
  const totalPages = pageCount(posts.length)
  return [
    { url: absoluteUrl(HOME), lastModified: newest },
    ...Array.from({ length: totalPages - 1 }, (_, i) => ({ url: absoluteUrl(pageUrl(i + 2)) })),
    ...posts.map((post) => ({ url: absoluteUrl(postUrl(post)), lastModified: new Date(post.updated ?? post.date) })),
    { url: absoluteUrl(TAGS) },
    ...getTags(now).map((tag) => ({ url: absoluteUrl(tagUrl(tag.slug)) })),
    { url: absoluteUrl(ARCHIVE), lastModified: newest },
    ...getAuthors().map((author) => ({ url: absoluteUrl(authorUrl(author.id)) })),
    ...getPublishedPages(now).map((page) => ({
      url: absoluteUrl(contentPageUrl(page)),
      lastModified: page.updated ? new Date(page.updated) : undefined,
    })),
  ]
}
