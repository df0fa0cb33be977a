import type { Metadata } from 'next'
import { absoluteUrl, site } from '../config'
import type { Author, Page, Post } from '../content'
import { postHero } from '../images'
import { OG_HEIGHT, OG_WIDTH, pageOgImagePath, postOgImagePath, siteOgImagePath } from '../og'
import { FEEDS, HOME, authorUrl, contentPageUrl, postUrl } from '../routes'

function ogImage(path: string, alt: string, type: 'image/png' | 'image/jpeg' = 'image/png') {
  return { url: absoluteUrl(path), width: OG_WIDTH, height: OG_HEIGHT, alt, type }
}

/** Defaults every page inherits: title template, feeds in <head>, the site card. */
export function siteMetadata(): Metadata {
  const image = ogImage(siteOgImagePath(), `${site.name}: ${site.description}`)
  return {
    metadataBase: new URL(site.url + '/'),
    title: { default: site.name, template: `%s · ${site.name}` },
    description: site.description,
    alternates: {
      canonical: HOME,
      types: {
        'application/rss+xml': [{ url: FEEDS.rss, title: `${site.name} (RSS)` }],
        'application/atom+xml': [{ url: FEEDS.atom, title: `${site.name} (Atom)` }],
        'application/feed+json': [{ url: FEEDS.json, title: `${site.name} (JSON Feed)` }],
      },
    },
    openGraph: {
      type: 'website',
      siteName: site.name,
      locale: site.locale,
      title: site.name,
      description: site.description,
      url: site.url,
      images: [image],
    },
    twitter: { card: 'summary_large_image', title: site.name, description: site.description, images: [image] },
  }
}

type OgImage = ReturnType<typeof ogImage>

/** A listing or index page: its own title, canonical link and (unless given another) the site card. */
export function pageMetadata({
  title,
  description,
  path,
  image,
  languages,
}: {
  title: string
  description: string
  path: string
  image?: OgImage
  /** Its versions by language, for hreflang (languageAlternates). */
  languages?: Record<string, string>
}): Metadata {
  image ??= ogImage(siteOgImagePath(), `${site.name}: ${site.description}`)
  return {
    title,
    description,
    alternates: { ...siteMetadata().alternates, canonical: path, languages },
    openGraph: { type: 'website', siteName: site.name, locale: site.locale, title, description, url: absoluteUrl(path), images: [image] },
    twitter: { card: 'summary_large_image', title, description, images: [image] },
  }
}

/** A page such as About: its own title, description and canonical link, and the site card with its title. */
export function contentPageMetadata(page: Page, translations: readonly Page[] = []): Metadata {
  const image = ogImage(pageOgImagePath(page), `${page.title}: ${site.name}`)
  const languages = languageAlternates([page, ...translations].map((document) => ({ lang: document.lang, url: contentPageUrl(document) })))
  return pageMetadata({ title: page.title, description: page.summary, path: contentPageUrl(page), image, languages })
}

/** A document and its translations by language, for `<link rel="alternate" hreflang>`: none for a document without translations. */
export function languageAlternates(documents: readonly { lang: string; url: string }[]): Record<string, string> | undefined {
  return documents.length > 1 ? Object.fromEntries(documents.map((document) => [document.lang, absoluteUrl(document.url)])) : undefined
}

/** `translations`: its published translations, which it names (and itself) as hreflang alternates. */
export function postMetadata(post: Post, author: Author | undefined, translations: readonly Post[] = []): Metadata {
  const path = postUrl(post)
  // A card with the hero drawn in is a JPEG (lib/og).
  const image = ogImage(postOgImagePath(post), `${post.title}: ${site.name}`, postHero(post) ? 'image/jpeg' : 'image/png')
  return {
    title: post.title,
    description: post.summary,
    authors: author ? [{ name: author.name, url: absoluteUrl(authorUrl(author.id)) }] : undefined,
    keywords: [...post.tags],
    alternates: {
      ...siteMetadata().alternates,
      canonical: path,
      languages: languageAlternates([post, ...translations].map((document) => ({ lang: document.lang, url: postUrl(document) }))),
    },
    openGraph: {
      type: 'article',
      siteName: site.name,
      locale: site.locale,
      title: post.title,
      description: post.summary,
      url: absoluteUrl(path),
      publishedTime: post.date,
      modifiedTime: post.updated ?? post.date,
      authors: author ? [author.name] : undefined,
      tags: [...post.tags],
      images: [image],
    },
    twitter: { card: 'summary_large_image', title: post.title, description: post.summary, images: [image] },
  }
}
