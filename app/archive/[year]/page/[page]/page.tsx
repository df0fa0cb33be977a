import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { ArchiveYear } from '@/components/post'
import { site } from '@/lib/config'
import { getArchiveYear, paginate, parsePageNumber } from '@/lib/content/server'
import { archiveYearUrl } from '@/lib/routes'
import { pageMetadata } from '@/lib/seo'

// Rendered on first request and cached; proxy.ts turns away pages past the end.
export const dynamicParams = true
export const revalidate = 300

type Props = { params: Promise<{ year: string; page: string }> }

export function generateStaticParams() {
  return []
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { year, page } = await params
  return pageMetadata({
    title: `Posts from ${year}, page ${page}`,
    description: `Every post from ${year}, by month.`,
    path: archiveYearUrl(year, Number(page)),
  })
}

export default async function ArchiveYearLaterPage({ params }: Props) {
  const { year, page: segment } = await params
  const page = parsePageNumber(segment)
  // Page 1 redirects to /archive/<year> in next.config.ts.
  const listing = /^\d{4}$/.test(year) && page && page > 1 ? paginate(getArchiveYear(year), page, site.archivePerPage) : undefined
  if (!listing) notFound()
  return <ArchiveYear year={year} posts={listing.items} page={listing.page} totalPages={listing.totalPages} />
}
