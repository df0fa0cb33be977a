import { formatDate } from '@/lib/content'

export function PostMeta({ date, updated, readingMinutes }: { date: string; updated?: string; readingMinutes: number }) {
  return (
    <p className="meta">
      <time dateTime={date}>{formatDate(date)}</time>
      {updated ? (
        <>
          {' · Updated '}
          <time dateTime={updated}>{formatDate(updated)}</time>
        </>
      ) : null}
      {` · ${readingMinutes} min read`}
    </p>
  )
}
