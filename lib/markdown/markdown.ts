import readingTime from 'reading-time'
import { headingSlugger } from './slug'

export type TocHeading = { depth: 2 | 3; text: string; id: string }

/** Drops fenced code so headings and word counts ignore it. */
function withoutCode(markdown: string): string {
  return markdown.replace(/^(```|~~~)[\s\S]*?^\1/gm, '')
}

/** Plain text of a heading line: markdown links, emphasis and code marks removed. */
function headingText(raw: string): string {
  return raw
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/<[^>]+>/g, '')
    .trim()
}

/** h2 and h3 headings with the same ids rehype-slug gives them. */
export function extractHeadings(markdown: string): TocHeading[] {
  const slugger = headingSlugger()
  const headings: TocHeading[] = []
  for (const line of withoutCode(markdown).split('\n')) {
    const match = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line)
    if (!match) continue
    const text = headingText(match[2])
    const id = slugger.slug(text)
    const depth = match[1].length
    if (depth === 2 || depth === 3) headings.push({ depth, text, id })
  }
  return headings
}

export function readingMinutes(markdown: string): number {
  return Math.max(1, Math.ceil(readingTime(withoutCode(markdown)).minutes))
}

/** Markdown to plain text, for search and summaries. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/^import .*$/gm, '')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^\s*(?:[-*+]|\d+\.)\s+/gm, '')
    .replace(/^\s*>\s?/gm, '')
    .replace(/(?<!\w)(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1(?!\w)/g, '$2')
    .replace(/\s+/g, ' ')
    .trim()
}
