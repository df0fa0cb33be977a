import { Link } from '@/components/Link'
import { site } from '@/lib/config'
import { formatMonth } from '@/lib/content'
import { getArchiveYears } from '@/lib/content/server'
import { ARCHIVE, archiveYearUrl } from '@/lib/routes'
import { pageMetadata } from '@/lib/seo'

export const revalidate = 300

export const metadata = pageMetadata({ title: 'Archive', description: 'Every post, by year and month.', path: ARCHIVE })

const posts = (count: number) => `${count.toLocaleString('en-GB')} ${count === 1 ? 'post' : 'posts'}`

/** The years and their months, with counts: a page that grows by a line a month, however many posts there are. */
export default function ArchivePage() {
  const years = getArchiveYears()
  return (
    <div className="archive">
      <h1>Archive</h1>
      {years.length === 0 ? <p>No posts yet.</p> : null}
      {years.map((year) => (
        // The ids are the ones the single-page archive had, so old links to /archive#year-2014 still land on the year.
        <section key={year.year} aria-labelledby={`year-${year.year}`}>
          <h2 id={`year-${year.year}`}>
            <Link href={archiveYearUrl(year.year)}>{year.year}</Link> <span className="meta">{`(${posts(year.count)})`}</span>
          </h2>
          <ul className="archive-months">
            {year.months.map((month) => (
              <li key={month.key}>
                {/* The page of the year where the month's newest post is. */}
                <Link href={`${archiveYearUrl(year.year, Math.floor(month.offset / site.archivePerPage) + 1)}#month-${month.key}`}>
                  {formatMonth(month.date)}
                </Link>{' '}
                <span className="meta">{`(${posts(month.count)})`}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
