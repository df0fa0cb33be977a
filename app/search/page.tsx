import type { Metadata } from 'next'
import { SearchBox } from '@/components/search/SearchBox'
import { SEARCH } from '@/lib/routes'
import { MAX_LIMIT, MAX_QUERY_LENGTH, parseSearchQuery } from '@/lib/search'
import { searchPublished } from '@/lib/search/server'
import { pageMetadata } from '@/lib/seo'

// Results depend on the query and on which posts are live right now.
export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  ...pageMetadata({ title: 'Search', description: 'Search every post and page by any word in it.', path: SEARCH }),
  robots: { index: false, follow: true },
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function SearchPage({ searchParams }: Props) {
  const raw = (await searchParams).q
  const q = (Array.isArray(raw) ? raw[0] : raw) ?? ''
  const parsed = parseSearchQuery(q)
  const outcome = parsed.ok && parsed.query ? await searchPublished(parsed.query, { limit: MAX_LIMIT }) : null
  // While the index loads after a restart the page says so (and when to try again) in place of results.
  const error = !parsed.ok ? parsed.error : outcome && !outcome.ok ? outcome.error : null
  return (
    <>
      <h1>Search</h1>
      <SearchBox
        initialQuery={parsed.ok ? parsed.query : q}
        initialResponse={outcome?.ok ? outcome.response : null}
        initialError={error}
        retryAfterSeconds={outcome && !outcome.ok ? outcome.retryAfterSeconds : undefined}
        maxQueryLength={MAX_QUERY_LENGTH}
        resultLimit={MAX_LIMIT}
      />
    </>
  )
}
