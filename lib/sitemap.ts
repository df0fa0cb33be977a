import type { MetadataRoute } from 'next'
import { getAuthors, getPublishedPosts, getTags, paginate, postUrl } from './content'
import { absoluteUrl } from './site'

export function sitemapEntries(now: Date = new Date()): MetadataRoute.Sitemap {
  const posts = getPublishedPosts(now)
  const newest = posts[0] ? new Date(posts[0].updated ?? posts[0].date) : undefined
  const totalPages = paginate(posts, 1)?.totalPages ?? 1
  return [
    { url: absoluteUrl('/'), lastModified: newest },
    ...Array.from({ length: totalPages - 1 }, (_, i) => ({ url: absoluteUrl(`/page/${i + 2}`) })),
    ...posts.map((post) => ({ url: absoluteUrl(postUrl(post)), lastModified: new Date(post.updated ?? post.date) })),
    { url: absoluteUrl('/tags') },
    ...getTags(now).map((tag) => ({ url: absoluteUrl(`/tags/${tag.slug}`) })),
    { url: absoluteUrl('/archive'), lastModified: newest },
    ...getAuthors().map((author) => ({ url: absoluteUrl(`/authors/${author.id}`) })),
  ]
}
