/**
 * The shapes the site reads. Contentlayer's documents are split at build time
 * (lib/content/store-writer.ts): a small metadata record per document, kept in
 * one index every listing reads, and the heavy parts (compiled MDX, feed HTML,
 * search text) in files of their own, read only when a page asks for them.
 */
import type { Author as AuthorDocument, Page as PageDocument, Post as PostDocument } from 'contentlayer/generated'
import type { ProcessedImage } from '../images'
import type { ContentRedirects } from '../http'
import type { TocHeading } from '../markdown'
import type { CommentsSetting } from './site-data'

export type { AuthorDocument, PageDocument, PostDocument }

/**
 * A post as listings, tags, the archive, the sitemap, cards and the schedule
 * see it: a few hundred bytes, no body.
 */
export type Post = Pick<
  PostDocument,
  'slug' | 'title' | 'date' | 'updated' | 'summary' | 'tags' | 'author' | 'draft' | 'readingMinutes' | 'image' | 'imageAlt' | 'dateNote'
> & {
  /** The hero picture's variants when `image` is a local file (cards, JSON-LD and the page draw it); the body holds the rest. */
  hero?: ProcessedImage
  /** When the file last changed, shown to authors on /drafts. */
  lastModified: string
  /** The source file under the content folder, e.g. `posts/<slug>.mdx`. */
  sourceFilePath: string
  /** Whether it takes and shows comments (front matter `comments`); absent is `open`. */
  comments?: CommentsSetting
  /** How many comments `comments/<slug>.json` holds (the comments themselves are the `comments` part); absent is none. */
  commentCount?: number
  /** Pictures still marked "Text alternative missing" (hero included): the accessibility statement lists the post while any are. */
  imagesWithoutAlt?: number
}

/**
 * What a post or page renders beyond the metadata: read from disk for that one
 * document. `images` are the pictures the body shows, by src (none for pages).
 */
export type PostBody = { code: string; headings: TocHeading[]; images?: Record<string, ProcessedImage> }

/**
 * A page (About, the accessibility statement) as the navigation, the sitemap
 * and its route see it. A page has no date: only `draft` holds it back.
 */
export type Page = Pick<PageDocument, 'slug' | 'title' | 'summary' | 'updated' | 'draft' | 'nav'> & {
  lastModified: string
  sourceFilePath: string
}

/** Authors are few and small, so the index holds them whole, bio included. */
export type Author = Pick<AuthorDocument, 'id' | 'name' | 'role' | 'organisation' | 'email' | 'twitter' | 'github'> & {
  body: { code: string }
}

/** The heavy parts of a post or page, each in its own file so a reader loads only the one it needs (pages have no feed HTML). */
export type PostPart = 'body' | 'html' | 'text' | 'comments'

/** One build's content: every document's metadata, drafts included (server-only, never served as a file). */
export type StoreIndex = {
  format: typeof STORE_FORMAT
  /** Newest first, as the listings show them. */
  posts: Post[]
  /** By slug. */
  pages: Page[]
  authors: Author[]
  /** Old addresses (normalized, lib/http/content-redirects.ts) → where they live now, from `content/redirects/*.json`. */
  redirects: ContentRedirects
  /** Hosts the content's pictures are shown from (`content/image-hosts/*.json`): the CSP's img-src allows them. */
  imageHosts: string[]
}

/** Bumped when the layout on disk changes, so a server never misreads an older store. */
export const STORE_FORMAT = 3
