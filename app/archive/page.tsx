import Link from 'next/link'
import { getArchive, postUrl } from '@/lib/content'
import { formatDate, formatMonth } from '@/lib/dates'
import { pageMetadata } from '@/lib/metadata'

export const revalidate = 300

export const metadata = pageMetadata({ title: 'Archive', description: 'Every post, by year and month.', path: '/archive' })

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
                    <Link prefetch={false} href={postUrl(post)}>{post.title}</Link>{' '}
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
