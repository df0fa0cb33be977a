import { absoluteUrl, site } from '../config'
import type { Author, Post } from '../content'
import { authorUrl, postUrl } from '../routes'

/**
 * schema.org BlogPosting for a published post. `images`: the hero first when the post has one, then its card.
 * `commentCount`: the comments it shows, when it shows any (none for `comments: false`).
 */
export function blogPostingJsonLd(post: Post, author: Author | undefined, images: string | string[], commentCount?: number) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: post.title,
    description: post.summary,
    datePublished: post.date,
    dateModified: post.updated ?? post.date,
    url: absoluteUrl(postUrl(post)),
    mainEntityOfPage: absoluteUrl(postUrl(post)),
    image: images,
    keywords: post.tags.join(', '),
    inLanguage: site.language,
    author: author ? { '@type': 'Person', name: author.name, url: absoluteUrl(authorUrl(author.id)), jobTitle: author.role } : undefined,
    publisher: { '@type': 'Organization', name: site.name, url: site.url },
    ...(commentCount !== undefined ? { commentCount } : {}),
  }
}
