import { Link } from '@/components/Link'
import { formatDate, formatMonth } from '@/lib/content'
import { getArchive } from '@/lib/content/server'
import { ARCHIVE, postUrl } from '@/lib/routes'
import { pageMetadata } from '@/lib/seo'

export const revalidate = 300

export const metadata = pageMetadata({ title: 'Archive', description: 'Every post, by year and month.', path: ARCHIVE })

export default function ArchivePage() {
  const years = getArchive()
  return (
    <div className="archive">
      <h1>Archive</h1>
      {years.map((year) => (
        <section key={year.year} aria-labelledby={`year-${year.year}`}>
          <h2 id={`year-${year.year}`}>{year.year}</h2>
          {year.months.map((month) => (
            <section key={month.key} aria-labelledby={`month-${month.key}`}>
              <h3 id={`month-${month.key}`}>{formatMonth(month.date)}</h3>
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
        </section>
      ))}
    </div>
  )
}
