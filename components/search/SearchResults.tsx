import { Link } from '@/components/Link'
import { formatDate } from '@/lib/content'
import type { SearchHit } from '@/lib/search'

/**
 * Pure markup, so the server can render it for the no-JavaScript page and the
 * search box can re-render it as the reader types.
 */
export function SearchResults({ results }: { results: readonly SearchHit[] }) {
  if (results.length === 0) return null
  return (
    <ol className="post-list">
      {results.map((hit) => (
        <li key={hit.url}>
          <article className="post-card">
            <h3 className="post-card-title">
              <Link href={hit.url} className="search-result-link">
                {hit.title}
              </Link>
            </h3>
            <p className="meta">{hit.type === 'page' || !hit.date ? 'Page' : <time dateTime={hit.date}>{formatDate(hit.date)}</time>}</p>
            <p>{hit.summary}</p>
            {/* lib/search escapes every character of the snippet except the <mark> elements it adds. */}
            <p className="search-snippet" dangerouslySetInnerHTML={{ __html: hit.snippet }} />
          </article>
        </li>
      ))}
    </ol>
  )
}

/** What the live region announces and the results heading shows. */
export function searchStatus(query: string, total: number, shown: number): string {
  if (!query) return ''
  if (total === 0) return `No results for “${query}”`
  const count = `${total} ${total === 1 ? 'result' : 'results'} for “${query}”`
  return shown < total ? `${count}, showing the best ${shown}` : count
}
