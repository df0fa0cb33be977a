import { contentsOutline, type ContentsEntry, type TocHeading } from '@/lib/markdown'

function ContentsList({ entries }: { entries: readonly ContentsEntry[] }) {
  return (
    <ol>
      {entries.map((entry) => (
        <li key={entry.id}>
          <a href={`#${entry.id}`}>{entry.text}</a>
          {entry.children.length > 0 ? <ContentsList entries={entry.children} /> : null}
        </li>
      ))}
    </ol>
  )
}

/** Shown only for posts and pages long enough to need one. Sub-headings are a list of their own inside their heading's entry. */
export function Toc({ headings }: { headings: readonly TocHeading[] }) {
  if (headings.length < 3) return null
  return (
    <nav aria-labelledby="toc-heading" className="toc">
      <h2 id="toc-heading">Contents</h2>
      <ContentsList entries={contentsOutline(headings)} />
    </nav>
  )
}
