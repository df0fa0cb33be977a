/**
 * Finds the images a post shows and where their files are. Runs in the
 * Contentlayer build (contentlayer.config.ts), so a missing file or a missing
 * alt text stops the build with the post's file named.
 */
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Image, Root } from 'mdast'
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx'
import remarkGfm from 'remark-gfm'
import remarkMdx from 'remark-mdx'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { SOURCE_EXTENSIONS } from './config'
import { imageKey } from './urls'

/**
 * The alt text an importer writes when the old site had no text alternative
 * for a picture and nothing to make one from: the build accepts it, counts it,
 * and the accessibility statement lists the posts that still have one
 * (WCAG 1.1.1). Screen readers read it out, so nobody is told a picture is
 * decorative when it is not. Search for it to find what to describe.
 */
export const TEXT_ALTERNATIVE_MISSING = 'Text alternative missing'

/** How many of a post's pictures (the hero's `imageAlt` included) carry the marker instead of a description. */
export function imagesWithoutAlt(body: string, imageAlt?: string): number {
  const hero = imageAlt?.trim() === TEXT_ALTERNATIVE_MISSING ? 1 : 0
  if (!body.includes(TEXT_ALTERNATIVE_MISSING)) return hero
  return hero + findImageReferences(body).filter((reference) => reference.alt?.trim() === TEXT_ALTERNATIVE_MISSING).length
}

export type ImageReference = {
  /** As written in the post: `./photo.jpg`, `/images/x.png` or `https://…`. */
  src: string
  alt?: string
  decorative: boolean
  line?: number
  /** Set when the reference itself is malformed (an expression for `src`, say). */
  problem?: string
}

export type ResolvedSource = { kind: 'local'; key: string; file: string } | { kind: 'remote'; url: URL } | { kind: 'invalid'; problem: string }

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm)

function attribute(node: MdxJsxFlowElement | MdxJsxTextElement, name: string): MdxJsxAttribute | undefined {
  return node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name)
}

function stringAttribute(node: MdxJsxFlowElement | MdxJsxTextElement, name: string): { value?: string; problem?: string } {
  const found = attribute(node, name)
  if (!found) return {}
  if (found.value === null || found.value === undefined) return { value: '' }
  if (typeof found.value === 'string') return { value: found.value }
  // `src={"./a.jpg"}` is still a literal; anything else cannot be checked at build time.
  const literal = /^\s*(["'])(.*)\1\s*$/s.exec(found.value.value)
  return literal ? { value: literal[2] } : { problem: `"${name}" must be a plain string, not an expression` }
}

/** Text without these shows no picture: most posts, which then skip a second Markdown parse in the content build. */
const MAY_SHOW_A_PICTURE = /!\[|<(?:Figure|img)\b/

/** Every picture the body shows: `![alt](src)` and `<Figure src=… />`; a raw `<img>` is reported, since it would bypass the pipeline. */
export function findImageReferences(mdx: string): ImageReference[] {
  if (!MAY_SHOW_A_PICTURE.test(mdx)) return []
  const tree = parser.parse(mdx) as Root
  const references: ImageReference[] = []
  visit(tree, (node) => {
    if (node.type === 'image') {
      const image = node as Image
      references.push({ src: image.url, alt: image.alt ?? '', decorative: false, line: image.position?.start.line })
      return
    }
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return
    const element = node as MdxJsxFlowElement | MdxJsxTextElement
    const line = element.position?.start.line
    if (element.name === 'img') {
      const src = stringAttribute(element, 'src').value ?? ''
      references.push({
        src,
        decorative: false,
        line,
        problem: 'use ![alt text](src) or <Figure src=… alt=… />, not <img>, so the image gets sizes and formats',
      })
      return
    }
    if (element.name !== 'Figure') return
    const src = stringAttribute(element, 'src')
    if (src.value === undefined && !src.problem) return // a caption whose photo is lost
    const alt = stringAttribute(element, 'alt')
    references.push({
      src: src.value ?? '',
      alt: alt.value,
      decorative: attribute(element, 'decorative') !== undefined,
      line,
      problem: src.problem ?? alt.problem,
    })
  })
  return references
}

export type SourceDirs = {
  /** The content folder (CONTENT_DIR), absolute. */
  contentDir: string
  /** The post's file relative to contentDir, as Contentlayer gives it: `posts/x/index.mdx`. */
  sourceFilePath: string
  /** public/, absolute: `/images/…` resolves there. */
  publicDir: string
}

/** Where a `src` points: a file beside the post or under public/, or a remote address. Never outside those folders. */
export function resolveImageSource(src: string, dirs: SourceDirs): ResolvedSource {
  const written = src.trim()
  if (!written) return { kind: 'invalid', problem: 'has an empty src' }
  if (/^[a-z][a-z0-9+.-]*:/i.test(written) || written.startsWith('//')) {
    let url: URL
    try {
      url = new URL(written.startsWith('//') ? `https:${written}` : written)
    } catch {
      return { kind: 'invalid', problem: `"${written}" is not a valid address` }
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      return { kind: 'invalid', problem: `"${written}" must be a file path or an http(s) address` }
    return { kind: 'remote', url }
  }
  if (/[?#]/.test(written)) return { kind: 'invalid', problem: `"${written}" must be a plain file path, without ? or #` }
  let decoded: string
  try {
    decoded = decodeURIComponent(written)
  } catch {
    return { kind: 'invalid', problem: `"${written}" has invalid %-encoding` }
  }
  const extension = path.extname(decoded).toLowerCase()
  if (!(SOURCE_EXTENSIONS as readonly string[]).includes(extension)) {
    return { kind: 'invalid', problem: `"${written}" is not a supported image (${SOURCE_EXTENSIONS.join(', ')})` }
  }
  const root = written.startsWith('/') ? dirs.publicDir : dirs.contentDir
  const file = written.startsWith('/')
    ? path.join(dirs.publicDir, path.posix.normalize(decoded))
    : path.resolve(dirs.contentDir, path.dirname(dirs.sourceFilePath), decoded)
  if (!file.startsWith(root + path.sep))
    return { kind: 'invalid', problem: `"${written}" points outside ${written.startsWith('/') ? 'public/' : 'the content folder'}` }
  if (!existsSync(file) || !statSync(file).isFile()) {
    return { kind: 'invalid', problem: `"${written}" does not exist (looked for ${path.relative(process.cwd(), file) || file})` }
  }
  return { kind: 'local', key: imageKey(written), file }
}
