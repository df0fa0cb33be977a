import type { TocHeading } from './markdown'

/** A contents entry: an h2 with the h3s that follow it, so the list can nest them under their heading. */
export type ContentsEntry = TocHeading & { children: ContentsEntry[] }

/**
 * The headings as a two-level outline. An h3 belongs to the h2 before it; one
 * that comes before any h2 has no parent, so it stays at the top level.
 */
export function contentsOutline(headings: readonly TocHeading[]): ContentsEntry[] {
  const outline: ContentsEntry[] = []
  for (const heading of headings) {
    const entry: ContentsEntry = { ...heading, children: [] }
    const parent = outline.at(-1)
    if (heading.depth === 3 && parent?.depth === 2) parent.children.push(entry)
    else outline.push(entry)
  }
  return outline
}
