import { readFileSync } from 'node:fs'
import path from 'node:path'
import { defineDocumentType, makeSource } from 'contentlayer2/source-files'
import rehypeAutolinkHeadings from 'rehype-autolink-headings'
import rehypePrettyCode from 'rehype-pretty-code'
import rehypeSlug from 'rehype-slug'
import remarkGfm from 'remark-gfm'
import { renderMdxToHtml } from './components/mdx/html'
import { absoluteUrl, site } from './lib/config'
import {
  contentFilePath,
  contentlayerDocumentType,
  invalidContent,
  postImageMap,
  readGeneratedDocuments,
  writeContentStore,
  type AuthorDocument,
  type GeneratedDocument,
} from './lib/content/build'
import { DOCUMENT_KINDS, documentUrl } from './lib/documents'
import { searchIndexFiles } from './lib/search'
import { collectPostImages, ImageContentError, invalidateCacheWhenBundleFilesChange, publicDirOf } from './lib/images/build'

const contentDirPath = process.env.CONTENT_DIR || 'content'
const contentDir = path.resolve(contentDirPath)

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
      remoteHosts: site.imageRemoteHosts,
    })
    for (const url of result.blockedRemote) {
      console.warn(
        `Warning: ${contentFilePath(contentDir, file)}: image ${url} is on a host not in IMAGE_REMOTE_HOSTS, so the Content-Security-Policy will block it`,
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
  documentTypes: [...documentTypes, Author],
  onUnknownDocuments: 'fail',
  onExtraFieldData: 'fail',
  onMissingOrIncompatibleData: 'fail',
  // Splits the documents into the content store the server reads (lib/content/store-writer.ts): a small metadata
  // index for listings, a file per heavy part of each document, feed HTML for the posts a feed can carry,
  // and the search index built ahead. Documents are read one file at a time, rather than through importData,
  // which parses them all at once.
  onSuccess: async () => {
    const generated = path.join(process.cwd(), '.contentlayer', 'generated')
    const store = writeContentStore(
      {
        ...Object.fromEntries(DOCUMENT_KINDS.map((kind) => [kind.folder, readGeneratedDocuments<GeneratedDocument>(generated, kind.name)])),
        authors: readGeneratedDocuments<AuthorDocument>(generated, 'Author'),
      },
      {
        extraFiles: searchIndexFiles,
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
