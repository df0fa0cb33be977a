import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { defineDocumentType, makeSource } from 'contentlayer2/source-files'
import rehypeAutolinkHeadings from 'rehype-autolink-headings'
import rehypePrettyCode from 'rehype-pretty-code'
import rehypeSlug from 'rehype-slug'
import remarkGfm from 'remark-gfm'
import { renderMdxToHtml } from './components/mdx/html'
import { absoluteUrl, site } from './lib/config'
import {
  postImageMap,
  readGeneratedDocuments,
  writeContentStore,
  type AuthorDocument,
  type PageDocument,
  type PostDocument,
} from './lib/content/build'
import { collectPostImages, ImageContentError, invalidateCacheWhenBundleFilesChange, publicDirOf } from './lib/images/build'
import { extractHeadings, isValidPostSlug, pageSlugFromPath, pageSlugProblem, readingMinutes } from './lib/markdown'
import { postUrl } from './lib/routes'
import { searchIndexFiles } from './lib/search'

/** Thrown at build time so a bad post stops the build and names its file and field. */
function invalid(file: string, field: string, problem: string): never {
  throw new Error(`Invalid content in ${contentPath(file)}: field "${field}" ${problem}`)
}

/** Required text fields that YAML lets through blank. */
function requireText(file: string, fields: Record<string, string>): void {
  for (const [field, value] of Object.entries(fields)) if (!value.trim()) invalid(file, field, 'must not be empty')
}

function fileSlug(sourceFileName: string): string {
  return sourceFileName.replace(/\.mdx?$/, '')
}

const contentDirPath = process.env.CONTENT_DIR || 'content'
const contentDir = path.resolve(contentDirPath)

/** A content file as the author finds it: under the working directory as `content/posts/x.mdx`, elsewhere (CONTENT_DIR) in full. */
function contentPath(file: string): string {
  const relative = path.relative(process.cwd(), path.join(contentDir, file))
  return relative.startsWith('..') || path.isAbsolute(relative) ? path.join(contentDir, file) : relative
}

// Contentlayer reuses a post it has seen unless its .mdx file changed; a bundle's photo can change alone.
invalidateCacheWhenBundleFilesChange(contentDir)

type RawPost = { _raw: { sourceFilePath: string; sourceFileName: string; sourceFileDir: string } }

/**
 * `posts/<slug>.mdx`, or a bundle `posts/<slug>/index.mdx` with its pictures beside it.
 * Anything else under posts/ (a second .mdx in a bundle, deeper folders) is refused.
 */
function postSlug(post: RawPost): string {
  const { sourceFilePath, sourceFileName, sourceFileDir } = post._raw
  const parts = sourceFilePath.split('/')
  const bundle = parts.length === 3 && sourceFileName === 'index.mdx'
  if (!bundle && parts.length !== 2) {
    invalid(sourceFilePath, 'slug (file name)', 'must be posts/<slug>.mdx or posts/<slug>/index.mdx')
  }
  const slug = bundle ? path.basename(sourceFileDir) : fileSlug(sourceFileName)
  if (!isValidPostSlug(slug)) {
    invalid(sourceFilePath, bundle ? 'slug (folder name)' : 'slug (file name)', 'must be lower-case letters, digits and hyphens')
  }
  const other = bundle ? `posts/${slug}.mdx` : `posts/${slug}/index.mdx`
  if (existsSync(path.join(contentDir, other))) invalid(sourceFilePath, 'slug (file name)', `is also used by ${contentPath(other)}`)
  return slug
}

type ImageFields = RawPost & { body: { raw: string }; image?: string; imageAlt?: string }

/** Lines before the body in the file, so an error's line number is the one the author's editor shows. */
function bodyLineOffset(file: string, body: string): number {
  const text = readFileSync(path.join(contentDir, file), 'utf8')
  const at = text.lastIndexOf(body)
  return at === -1 ? 0 : text.slice(0, at).split('\n').length - 1
}

async function postImages(post: ImageFields) {
  const file = post._raw.sourceFilePath
  try {
    const result = await collectPostImages({
      body: post.body.raw,
      // Reads the file again, so only when an error needs the line number.
      lineOffset: () => bodyLineOffset(file, post.body.raw),
      image: post.image,
      imageAlt: post.imageAlt,
      contentDir,
      sourceFilePath: file,
      publicDir: publicDirOf(),
      remoteHosts: site.imageRemoteHosts,
    })
    for (const url of result.blockedRemote) {
      console.warn(`Warning: ${contentPath(file)}: image ${url} is on a host not in IMAGE_REMOTE_HOSTS, so the Content-Security-Policy will block it`)
    }
    return result.images
  } catch (error) {
    if (error instanceof ImageContentError) invalid(file, error.field, error.problem)
    throw error
  }
}

type MdxDocument = { body: { raw: string }; _raw: { sourceFilePath: string } }

/**
 * Computed from the body the same way for posts and pages: the table of contents and /drafts' date. (The
 * search text and feed HTML are made when the content store is written, below: Contentlayer would hold
 * them in memory and write them twice for every document.)
 */
const bodyFields = {
  headings: { type: 'json', resolve: (doc: MdxDocument) => extractHeadings(doc.body.raw) },
  lastModified: {
    type: 'date',
    description: 'When the file last changed, shown to authors on /drafts',
    resolve: (doc: MdxDocument) => statSync(path.join(contentDirPath, doc._raw.sourceFilePath)).mtime.toISOString(),
  },
} as const

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
    image: { type: 'string', required: false, description: 'Hero picture: a file beside the post (./cover.jpg) or under public/ (/images/x.jpg)' },
    imageAlt: { type: 'string', required: false, description: 'Alt text of the hero picture; required with "image"' },
    dateNote: { type: 'string', required: false, description: 'How the date was chosen, where the source did not fix it' },
  },
  computedFields: {
    slug: { type: 'string', resolve: (post) => postSlug(post) },
    validated: {
      type: 'boolean',
      description: 'Checks that the schema types alone cannot express',
      resolve: (post) => {
        const file = post._raw.sourceFilePath
        requireText(file, { title: post.title, summary: post.summary })
        if (Array.from(post.tags as Iterable<string>).some((tag) => !tag.trim())) invalid(file, 'tags', 'must not contain an empty tag')
        if (post.updated && post.updated < post.date) invalid(file, 'updated', 'must not be before "date"')
        return true
      },
    },
    readingMinutes: { type: 'number', resolve: (post) => readingMinutes(post.body.raw) },
    ...bodyFields,
    images: {
      type: 'json',
      description: 'Every local picture the post shows, by its src: size and generated widths (lib/images)',
      resolve: (post) => postImages(post as unknown as ImageFields),
    },
  },
}))

/** A page that is not a post (About, an accessibility statement): no date or tags, not in feeds or listings. */
export const Page = defineDocumentType(() => ({
  name: 'Page',
  filePathPattern: 'pages/**/*.mdx',
  contentType: 'mdx',
  fields: {
    title: { type: 'string', required: true, description: 'Heading, page title and navigation label' },
    summary: { type: 'string', required: true, description: 'One or two sentences for search and the meta description' },
    updated: { type: 'date', required: false, description: 'When the page last changed in substance; shown on the page' },
    draft: { type: 'boolean', default: false },
    nav: { type: 'number', required: false, description: 'Position in the header navigation; pages without it are not in it' },
  },
  computedFields: {
    slug: {
      type: 'string',
      description: 'The address without its leading slash: pages/about.mdx is /about',
      resolve: (page) => {
        const file = page._raw.sourceFilePath
        const slug = pageSlugFromPath(file)
        const problem = pageSlugProblem(slug)
        if (problem) invalid(file, 'slug (file name)', problem)
        const twin = /\/index\.mdx$/.test(file) ? `pages/${slug}.mdx` : `pages/${slug}/index.mdx`
        if (existsSync(path.join(contentDirPath, twin))) invalid(file, 'slug (file name)', `is also claimed by ${contentPath(twin)}`)
        return slug
      },
    },
    validated: {
      type: 'boolean',
      description: 'Checks that the schema types alone cannot express',
      resolve: (page) => {
        const file = page._raw.sourceFilePath
        requireText(file, { title: page.title, summary: page.summary })
        if (page.nav !== undefined && !Number.isFinite(page.nav)) invalid(file, 'nav', 'must be a number')
        return true
      },
    },
    ...bodyFields,
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
  documentTypes: [Post, Page, Author],
  onUnknownDocuments: 'fail',
  onExtraFieldData: 'fail',
  onMissingOrIncompatibleData: 'fail',
  // Splits the documents into the content store the server reads (lib/content/store-writer.ts): a small metadata
  // index for listings, a file per heavy part of each post and page, feed HTML for the posts a feed can carry,
  // and the search index built ahead. Documents are read one file at a time, rather than through importData,
  // which parses them all at once.
  onSuccess: async () => {
    const generated = path.join(process.cwd(), '.contentlayer', 'generated')
    const store = writeContentStore(
      {
        posts: readGeneratedDocuments<PostDocument>(generated, 'Post'),
        pages: readGeneratedDocuments<PageDocument>(generated, 'Page'),
        authors: readGeneratedDocuments<AuthorDocument>(generated, 'Author'),
      },
      {
        extraFiles: searchIndexFiles,
        // Feeds get the pictures at absolute addresses: a feed reader cannot resolve ./photo.jpg.
        renderHtml: (post) =>
          renderMdxToHtml(post.body.code, { images: postImageMap(post), base: { prefix: absoluteUrl(postUrl(post)) }, mode: 'feed' }),
        feedPosts: site.feedPosts,
      },
    )
    console.log(`Wrote the content store ${path.relative(process.cwd(), store.dir)} (${store.posts} posts, ${store.pages} pages)`)
  },
  mdx: {
    remarkPlugins: [remarkGfm],
    rehypePlugins: [
      rehypeSlug,
      [rehypeAutolinkHeadings, { behavior: 'wrap', properties: { className: ['heading-anchor'] } }],
      [rehypePrettyCode, { theme: { light: 'github-light', dark: 'github-dark' }, keepBackground: false }],
    ],
  },
})
