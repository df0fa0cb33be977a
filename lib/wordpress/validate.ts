import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { writeMdx } from './html-to-mdx'

/** Where and why MDX would not compile, as Contentlayer would report it. */
export type MdxProblem = { message: string; line?: number }

type Compile = (body: string, options: object) => unknown

let compiler: Promise<Compile> | undefined

/** MDX is ES modules only: loaded with import(), once, when the first body is checked. */
function loadCompiler(): Promise<Compile> {
  compiler ??= import('@mdx-js/mdx').then((mdx) => mdx.compileSync as Compile)
  return compiler
}

/**
 * Compiles a body the way the site's build does (MDX 3 with GFM), so the
 * importer never writes a file that breaks `contentlayer2 build`.
 */
export async function mdxProblem(body: string): Promise<MdxProblem | undefined> {
  const compile = await loadCompiler()
  try {
    compile(body, { remarkPlugins: [remarkGfm] })
    return undefined
  } catch (error) {
    const problem = error as { reason?: string; message?: string; line?: number; place?: { line?: number; start?: { line?: number } } }
    const line = problem.line ?? problem.place?.line ?? problem.place?.start?.line
    return { message: (problem.reason ?? problem.message ?? String(error)).split('\n')[0], line }
  }
}

const markdownParser = unified().use(remarkParse).use(remarkGfm)

function plainTextOf(node: MdastNodes): string {
  if (node.type === 'html') return node.value.replace(/<[^>]*>/g, ' ')
  if ('value' in node && typeof node.value === 'string') return node.value
  if ('children' in node) return (node.children as MdastNodes[]).map(plainTextOf).join(' ')
  return ''
}

export type CheckedBody = { body: string; warnings: string[]; problem?: MdxProblem }

/**
 * The body as it will compile. A top-level piece that does not compile is
 * replaced by its text, escaped, and named in the warnings; a body that
 * still fails is reported as a problem and must not be written.
 */
export async function checkedBody(body: string): Promise<CheckedBody> {
  const problem = await mdxProblem(body)
  if (!problem) return { body, warnings: [] }
  const tree = markdownParser.parse(body) as MdastRoot
  const warnings: string[] = []
  let repaired = body
  for (const node of [...tree.children].reverse()) {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) continue
    const piece = body.slice(start, end)
    const pieceProblem = await mdxProblem(piece)
    if (!pieceProblem) continue
    const text = plainTextOf(node).replace(/\s+/g, ' ').trim()
    const line = node.position!.start.line
    warnings.unshift(
      `the ${node.type} at line ${line} of the body is not valid MDX (${pieceProblem.message}); ${text ? 'kept as plain text' : 'dropped'}`,
    )
    const replacement = text ? writeMdx({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] }).trim() : ''
    repaired = repaired.slice(0, start) + replacement + repaired.slice(end)
  }
  const remaining = await mdxProblem(repaired)
  return remaining ? { body, warnings, problem: remaining } : { body: repaired, warnings }
}
