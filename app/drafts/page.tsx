import type { Metadata } from 'next'
import { Link } from '@/components/Link'
import { requireAuthor } from '@/lib/auth/server'
import { formatDate } from '@/lib/content'
import { getDraftSummaries } from '@/lib/drafts/server'
import { DRAFTS } from '@/lib/routes'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { title: 'Drafts', robots: { index: false, follow: false } }

export default async function DraftsPage() {
  await requireAuthor(DRAFTS)
  const drafts = getDraftSummaries()
  return (
    <>
      <h1>Drafts and scheduled posts</h1>
      {drafts.length === 0 ? (
        <p>There are no drafts or scheduled posts.</p>
      ) : (
        <table className="drafts-table">
          <caption className="visually-hidden">Unpublished posts and pages</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Type</th>
              <th scope="col">State</th>
              <th scope="col">Date</th>
              <th scope="col">Last modified</th>
            </tr>
          </thead>
          <tbody>
            {drafts.map((draft) => (
              <tr key={draft.url}>
                <td>
                  <Link href={draft.url}>{draft.title}</Link>
                </td>
                <td>{draft.type === 'post' ? 'Post' : 'Page'}</td>
                <td>{draft.state === 'draft' ? 'Draft' : 'Scheduled'}</td>
                <td>{draft.date ? <time dateTime={draft.date}>{formatDate(draft.date)}</time> : 'None'}</td>
                <td>
                  <time dateTime={draft.lastModified}>{formatDate(draft.lastModified)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
