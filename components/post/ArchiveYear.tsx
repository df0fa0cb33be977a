import { Link } from '@/components/Link'
import { formatDate, formatMonth, type Post } from '@/lib/content'
import { groupByMonth } from '@/lib/content/server'
import { ARCHIVE, archiveYearUrl, postUrl } from '@/lib/routes'
import { Pagination } from './Pagination'

/** One page of a year in the archive: its posts by month, titles and dates only. */
export function ArchiveYear({ year, posts, page, totalPages }: { year: string; posts: readonly Post[]; page: number; totalPages: number }) {
  return (
    <div className="archive">
      <p className="meta">
        <Link href={ARCHIVE}>Archive</Link>
      </p>
      <h1>{totalPages > 1 ? `Posts from ${year}, page ${page} of ${totalPages}` : `Posts from ${year}`}</h1>
      {groupByMonth(posts).map((month) => (
        <section key={month.key} aria-labelledby={`month-${month.key}`}>
          <h2 id={`month-${month.key}`}>{formatMonth(month.date)}</h2>
          <ul>
            {month.posts.map((post) => (
              <li key={post.slug}>
                <Link href={postUrl(post)}>{post.title}</Link>{' '}
                <span className="meta">
                  <time dateTime={post.date}>{formatDate(post.date)}</time>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <Pagination first={archiveYearUrl(year)} page={page} totalPages={totalPages} />
    </div>
  )
}
