import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { defineDocumentType, makeSource } from 'contentlayer2/source-files'
import rehypeAutolinkHeadings from 'rehype-autolink-headings'
import rehypePrettyCode from 'rehype-pretty-code'
import rehypeSlug from 'rehype-slug'
import remarkGfm from 'remark-gfm'
import { renderMdxToHtml } from './components/mdx/html'
import { absoluteUrl, site } from './lib/config'
import {
  checkComments,
  checkImageHosts,
  checkRedirects,
  ContentFieldError,
  contentFilePath,
  contentlayerDocumentType,
  invalidContent,
  postImageMap,
  readGeneratedDocuments,
  writeContentStore,
  type AuthorDocument,
  type GeneratedDocument,
  type StoredComment,
} from './lib/content/build'
import { commentsOwner, DOCUMENT_KINDS, documentUrl } from './lib/documents'
import { searchIndexFiles } from './lib/search'
import { collectPostImages, ImageContentError, invalidateCacheWhenBundleFilesChange, publicDirOf } from './lib/images/build'

const contentDirPath = process.env.CONTENT_DIR || 'content'
const contentDir = path.resolve(contentDirPath)

/** Picture hosts the content records (image-hosts/*.json): the CSP allows them, so their pictures draw no warning. */
function recordedImageHosts(): string[] {
  const dir = path.join(contentDir, 'image-hosts')
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .flatMap((name) => {
      try {
        return checkImageHosts((JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as { hosts?: unknown }).hosts)
      } catch {
        return [] // The ImageHosts document type reports the problem, naming the file.
      }
    })
}
const remoteImageHosts = [...site.imageRemoteHosts, ...recordedImageHosts()]

// Contentlayer reuses a post it has seen unless its .mdx file changed; a bundle's photo can change alone.
invalidateCacheWhenBundleFilesChange(contentDir)

type ImageFields = { _raw: { sourceFilePath: string }; body: { raw: string }; image?: unknown; imageAlt?: unknown }

/** Lines before the body in the file, so an error's line number is the one the author's editor shows. */
function bodyLineOffset(file: string, body: string): number {
  const text = readFileSync(path.join(contentDir, file), 'utf8')
  const at = text.lastIndexOf(body)
  return at === -1 ? 0 : text.slice(0, at).split('\n').length - 1
}

/** A document's pictures, checked (file exists, alt text) and their variants made: for the kinds with pictures. */
async function documentImages(document: ImageFields) {
  const file = document._raw.sourceFilePath
  try {
    const result = await collectPostImages({
      body: document.body.raw,
      // Reads the file again, so only when an error needs the line number.
      lineOffset: () => bodyLineOffset(file, document.body.raw),
      image: document.image as string | undefined,
      imageAlt: document.imageAlt as string | undefined,
      contentDir,
      sourceFilePath: file,
      publicDir: publicDirOf(),
      remoteHosts: remoteImageHosts,
    })
    for (const url of result.blockedRemote) {
      console.warn(
        `Warning: ${contentFilePath(contentDir, file)}: image ${url} is on a host neither IMAGE_REMOTE_HOSTS nor content/image-hosts lists, so the Content-Security-Policy will block it`,
      )
    }
    return result.images
  } catch (error) {
    if (error instanceof ImageContentError) invalidContent(contentDir, file, error.field, error.problem)
    throw error
  }
}

/** Every kind of document (lib/documents), with its fields, its checks and what is computed from its body. */
const documentTypes = DOCUMENT_KINDS.map((kind) => defineDocumentType(() => contentlayerDocumentType(kind, { contentDir, pictures: documentImages })))

/** Documents on disk but none generated means Contentlayer refused one: say so, and leave the last good store in place. */
function refuseEmptyBuild(generated: string): void {
  for (const kind of DOCUMENT_KINDS) {
    const folder = path.join(contentDir, kind.folder)
    const onDisk = existsSync(folder) && readdirSync(folder, { recursive: true }).some((name) => String(name).endsWith('.mdx'))
    if (onDisk && readGeneratedDocuments(generated, kind.name).next().done) {
      throw new Error(
        `The content build generated no ${kind.folder} although content/${kind.folder} has some: a document above failed. ` +
          'The content store was not replaced; fix the file named above and build again.',
      )
    }
  }
}

/** Field errors from lib/content/site-data.ts, as build errors naming the file. */
function checked<T>(file: string, check: () => T): T {
  try {
    return check()
  } catch (error) {
    if (error instanceof ContentFieldError) invalidContent(contentDir, file, error.field, error.problem)
    throw error
  }
}

/** JSON files beside the documents, each holding one list that lib/content/site-data.ts checks: `<folder>/<name>.json`, in subfolders too. */
function checkedDataType(name: string, folder: string, field: string, description: string, check: (value: unknown, file: string) => unknown) {
  return defineDocumentType(() => ({
    name,
    filePathPattern: `${folder}/**/*.json`,
    contentType: 'data',
    fields: { [field]: { type: 'json', required: true, description } },
    computedFields: {
      checked: {
        type: 'json',
        resolve: (file) => checked(file._raw.sourceFilePath, () => check(file[field], file._raw.sourceFilePath)),
      },
    },
  }))
}

/** Each post's or page's comments (`comments/<post-slug>.json`, `comments/pages/<page-slug>.json`; the importer writes them): checked here, carried into the content store. */
export const CommentThread = checkedDataType(
  'CommentThread',
  'comments',
  'comments',
  'Approved comments, oldest first (lib/content/site-data.ts)',
  (comments, file) => checkComments(commentsOwner(file), comments),
)

/** Old addresses and where they live now (`redirects/*.json`): proxy.ts answers each with one permanent redirect. */
export const Redirects = checkedDataType('Redirects', 'redirects', 'redirects', 'A list of { from, to }', checkRedirects)

/** Hosts the content's pictures are shown from (`image-hosts/*.json`): the Content-Security-Policy allows them. */
export const ImageHosts = checkedDataType('ImageHosts', 'image-hosts', 'hosts', 'Host names, as IMAGE_REMOTE_HOSTS takes them', checkImageHosts)

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
    id: { type: 'string', resolve: (author) => author._raw.sourceFileName.replace(/\.mdx?$/, '') },
  },
}))

export default makeSource({
  contentDirPath,
  documentTypes: [...documentTypes, Author, CommentThread, Redirects, ImageHosts],
  onUnknownDocuments: 'fail',
  onExtraFieldData: 'fail',
  onMissingOrIncompatibleData: 'fail',
  // Splits the documents into the content store the server reads (lib/content/store-writer.ts): a small metadata
  // index for listings, a file per heavy part of each document, feed HTML for the posts a feed can carry,
  // and the search index built ahead. Documents are read one file at a time, rather than through importData,
  // which parses them all at once.
  onSuccess: async () => {
    const generated = path.join(process.cwd(), '.contentlayer', 'generated')
    // Contentlayer calls this even when documents failed, with none generated: never replace the store with an empty one.
    refuseEmptyBuild(generated)
    type Checked<T> = { _raw: { sourceFilePath: string }; checked: T }
    const store = writeContentStore(
      {
        ...Object.fromEntries(DOCUMENT_KINDS.map((kind) => [kind.folder, readGeneratedDocuments<GeneratedDocument>(generated, kind.name)])),
        authors: readGeneratedDocuments<AuthorDocument>(generated, 'Author'),
        comments: [...readGeneratedDocuments<Checked<StoredComment[]>>(generated, 'CommentThread')].map((thread) => ({
          file: thread._raw.sourceFilePath,
          comments: thread.checked,
        })),
        redirects: [...readGeneratedDocuments<Checked<{ from: string; to: string }[]>>(generated, 'Redirects')].map((file) => ({
          file: file._raw.sourceFilePath,
          redirects: file.checked,
        })),
        imageHosts: [...readGeneratedDocuments<Checked<string[]>>(generated, 'ImageHosts')].flatMap((file) => file.checked),
      },
      {
        extraFiles: searchIndexFiles,
        contentDir,
        // Feeds get the pictures at absolute addresses: a feed reader cannot resolve ./photo.jpg.
        renderHtml: (document, kind) =>
          renderMdxToHtml(document.body.code, {
            images: postImageMap(document),
            base: { prefix: absoluteUrl(documentUrl(kind, 'page', document)) },
            mode: 'feed',
          }),
        feedPosts: site.feedPosts,
      },
    )
    const counts = DOCUMENT_KINDS.map((kind) => `${store.documents[kind.folder]} ${kind.folder}`).join(', ')
    console.log(`Wrote the content store ${path.relative(process.cwd(), store.dir)} (${counts})`)
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
