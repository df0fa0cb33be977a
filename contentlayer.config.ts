import { statSync } from 'node:fs'
import path from 'node:path'
import { defineDocumentType, makeSource } from 'contentlayer2/source-files'
import rehypeAutolinkHeadings from 'rehype-autolink-headings'
import rehypePrettyCode from 'rehype-pretty-code'
import rehypeSlug from 'rehype-slug'
import remarkGfm from 'remark-gfm'
import { renderMdxToHtml } from './components/mdx/html'
import { extractHeadings, isValidPostSlug, plainText, readingMinutes } from './lib/markdown'

/** Thrown at build time so a bad post stops the build and names its file and field. */
function invalid(file: string, field: string, problem: string): never {
  throw new Error(`Invalid content in content/${file}: field "${field}" ${problem}`)
}

function fileSlug(sourceFileName: string): string {
  return sourceFileName.replace(/\.mdx?$/, '')
}

const contentDirPath = process.env.CONTENT_DIR || 'content'

export const Post = defineDocumentType(() => ({
  name: 'Post',
  filePathPattern: 'posts/**/*.mdx',
  contentType: 'mdx',
  fields: {
    title: { type: 'string', required: true, description: 'Headline, as written' },
    date: { type: 'date', required: true, description: 'Publication date; a future date schedules the post' },
    summary: { type: 'string', required: true, description: 'One or two sentences for listings, feeds and meta description' },
    tags: { type: 'list', of: { type: 'string' }, default: [] },
    draft: { type: 'boolean', default: false },
    updated: { type: 'date', required: false },
    author: { type: 'string', required: false, description: 'Author id: a file name in content/authors' },
    image: { type: 'string', required: false, description: 'Path of a social image under public/' },
    dateNote: { type: 'string', required: false, description: 'How the date was chosen, where the source did not fix it' },
  },
  computedFields: {
    slug: {
      type: 'string',
      resolve: (post) => {
        const slug = fileSlug(post._raw.sourceFileName)
        if (!isValidPostSlug(slug)) {
          invalid(post._raw.sourceFilePath, 'slug (file name)', 'must be lower-case letters, digits and hyphens')
        }
        return slug
      },
    },
    validated: {
      type: 'boolean',
      description: 'Checks that the schema types alone cannot express',
      resolve: (post) => {
        const file = post._raw.sourceFilePath
        if (!post.title.trim()) invalid(file, 'title', 'must not be empty')
        if (!post.summary.trim()) invalid(file, 'summary', 'must not be empty')
        if (Array.from(post.tags as Iterable<string>).some((tag) => !tag.trim())) invalid(file, 'tags', 'must not contain an empty tag')
        if (post.updated && post.updated < post.date) invalid(file, 'updated', 'must not be before "date"')
        return true
      },
    },
    readingMinutes: { type: 'number', resolve: (post) => readingMinutes(post.body.raw) },
    headings: { type: 'json', resolve: (post) => extractHeadings(post.body.raw) },
    text: { type: 'string', resolve: (post) => plainText(post.body.raw) },
    lastModified: {
      type: 'date',
      description: 'When the file last changed, shown to authors on /drafts',
      resolve: (post) => statSync(path.join(contentDirPath, post._raw.sourceFilePath)).mtime.toISOString(),
    },
    html: { type: 'string', description: 'Rendered body for feeds', resolve: (post) => renderMdxToHtml(post.body.code) },
  },
}))

export const Author = defineDocumentType(() => ({
  name: 'Author',
  filePathPattern: 'authors/**/*.mdx',
  contentType: 'mdx',
  fields: {
    name: { type: 'string', required: true },
    role: { type: 'string', required: false },
    organisation: { type: 'string', required: false },
    email: { type: 'string', required: false, description: 'Public contact address' },
    twitter: { type: 'string', required: false, description: 'Handle without the @' },
    github: { type: 'string', required: false, description: 'GitHub login allowed to sign in with GitHub' },
  },
  computedFields: {
    id: { type: 'string', resolve: (author) => fileSlug(author._raw.sourceFileName) },
  },
}))

export default makeSource({
  contentDirPath,
  documentTypes: [Post, Author],
  onUnknownDocuments: 'fail',
  onExtraFieldData: 'fail',
  onMissingOrIncompatibleData: 'fail',
  mdx: {
    remarkPlugins: [remarkGfm],
    rehypePlugins: [
      rehypeSlug,
      [rehypeAutolinkHeadings, { behavior: 'wrap', properties: { className: ['heading-anchor'] } }],
      [rehypePrettyCode, { theme: { light: 'github-light', dark: 'github-dark' }, keepBackground: false }],
    ],
  },
})
