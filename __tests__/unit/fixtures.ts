import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { AuthorDocument, Page, PageDocument, Post, PostDocument } from '@/lib/content'

/** A fresh empty folder under the system's temporary directory. */
export const tempDir = () => mkdtempSync(path.join(tmpdir(), 'sandbank-unit-'))

/** Post metadata as the content store holds it, for testing lib/ without a build. */
export function makePost(overrides: Partial<Post> & Pick<Post, 'slug'>): Post {
  const { slug } = overrides
  return {
    title: `Title of ${slug}`,
    date: '2014-01-01T00:00:00.000Z',
    summary: `Summary of ${slug}`,
    tags: [],
    draft: false,
    lang: 'en-GB',
    readingMinutes: 1,
    comments: 'open',
    lastModified: '2014-01-01T00:00:00.000Z',
    sourceFilePath: `posts/${slug}.mdx`,
    ...overrides,
  }
}

/** Page metadata as the content store holds it; `text` stands in for the body where a test searches it. */
export function makePage(overrides: Partial<Page & { text: string }> & Pick<Page, 'slug'>): Page & { text: string } {
  const { slug } = overrides
  return {
    title: `Title of ${slug}`,
    summary: `Summary of ${slug}`,
    draft: false,
    lang: 'en-GB',
    lastModified: '2014-01-01T00:00:00.000Z',
    sourceFilePath: `pages/${slug}.mdx`,
    text: `Body of ${slug}`,
    ...overrides,
  }
}

/** A whole page document as Contentlayer makes it, for the content store's writer. */
export function makePageDocument(overrides: Partial<PageDocument> & Pick<PageDocument, 'slug'>): PageDocument {
  const { slug } = overrides
  return {
    _id: `pages/${slug}.mdx`,
    _raw: {
      sourceFilePath: `pages/${slug}.mdx`,
      sourceFileName: `${slug.split('/').at(-1)}.mdx`,
      sourceFileDir: 'pages',
      contentType: 'mdx',
      flattenedPath: `pages/${slug}`,
    },
    type: 'Page',
    title: `Title of ${slug}`,
    summary: `Summary of ${slug}`,
    draft: false,
    body: { raw: `Body of ${slug}`, code: `/* compiled page ${slug} */` },
    validated: true,
    headings: [],
    lastModified: '2014-01-01T00:00:00.000Z',
    ...overrides,
  } as PageDocument
}

/** A whole document as Contentlayer makes it, for the content store's writer. */
export function makePostDocument(overrides: Partial<PostDocument> & Pick<PostDocument, 'slug'>): PostDocument {
  const { slug } = overrides
  return {
    _id: `posts/${slug}.mdx`,
    _raw: {
      sourceFilePath: `posts/${slug}.mdx`,
      sourceFileName: `${slug}.mdx`,
      sourceFileDir: 'posts',
      contentType: 'mdx',
      flattenedPath: `posts/${slug}`,
    },
    type: 'Post',
    title: `Title of ${slug}`,
    date: '2014-01-01T00:00:00.000Z',
    summary: `Summary of ${slug}`,
    tags: [],
    draft: false,
    body: { raw: `Body of ${slug}`, code: `/* compiled ${slug} */` },
    validated: true,
    readingMinutes: 1,
    headings: [],
    lastModified: '2014-01-01T00:00:00.000Z',
    ...overrides,
  } as PostDocument
}

export function makeAuthorDocument(id: string, name: string): AuthorDocument {
  return {
    _id: `authors/${id}.mdx`,
    _raw: {
      sourceFilePath: `authors/${id}.mdx`,
      sourceFileName: `${id}.mdx`,
      sourceFileDir: 'authors',
      contentType: 'mdx',
      flattenedPath: `authors/${id}`,
    },
    type: 'Author',
    id,
    name,
    body: { raw: `About ${name}`, code: `/* bio of ${id} */` },
  } as AuthorDocument
}
