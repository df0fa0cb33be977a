import { absoluteUrl, site } from './site'
import { postUrl, type Author, type Post } from './content'

/** schema.org BlogPosting for a published post. */
export function blogPostingJsonLd(post: Post, author: Author | undefined, imageUrl: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: post.title,
    description: post.summary,
    datePublished: post.date,
    dateModified: post.updated ?? post.date,
    url: absoluteUrl(postUrl(post)),
    mainEntityOfPage: absoluteUrl(postUrl(post)),
    image: imageUrl,
    keywords: post.tags.join(', '),
    inLanguage: site.language,
    author: author
      ? { '@type': 'Person', name: author.name, url: absoluteUrl(`/authors/${author.id}`), jobTitle: author.role }
      : undefined,
    publisher: { '@type': 'Organization', name: site.name, url: site.url },
  }
}

/** JSON text with `<` escaped, so no string in it can close a <script> element or read as markup if sniffed as HTML. */
export function jsonForHtml(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c')
}
