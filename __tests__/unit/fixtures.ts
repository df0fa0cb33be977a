import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Page, Post } from '@/lib/content'

/** A fresh empty folder under the system's temporary directory. */
export const tempDir = () => mkdtempSync(path.join(tmpdir(), 'sandbank-unit-'))

/** A post object shaped like Contentlayer's output, for testing lib/ without a build. */
export function makePost(overrides: Partial<Post> & Pick<Post, 'slug'>): Post {
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
    body: { raw: `Body of ${slug}`, code: '' },
    validated: true,
    readingMinutes: 1,
    headings: [],
    text: `Body of ${slug}`,
    lastModified: '2014-01-01T00:00:00.000Z',
    html: `<p>Body of ${slug}</p>`,
    ...overrides,
  } as Post
}

/** A page object shaped like Contentlayer's output. */
export function makePage(overrides: Partial<Page> & Pick<Page, 'slug'>): Page {
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
    body: { raw: `Body of ${slug}`, code: '' },
    validated: true,
    headings: [],
    text: `Body of ${slug}`,
    lastModified: '2014-01-01T00:00:00.000Z',
    ...overrides,
  } as Page
}
