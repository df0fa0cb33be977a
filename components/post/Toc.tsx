import type { TocHeading } from '@/lib/markdown'

/** Shown only for posts and pages long enough to need one. */
export function Toc({ headings }: { headings: readonly TocHeading[] }) {
  if (headings.length < 3) return null
  return (
    <nav aria-labelledby="toc-heading" className="toc">
      <h2 id="toc-heading">Contents</h2>
      <ol>
        {headings.map((heading) => (
          <li key={heading.id} className={heading.depth === 3 ? 'toc-sub' : undefined}>
            <a href={`#${heading.id}`}>{heading.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  )
}
