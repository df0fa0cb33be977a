import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { ArchiveYear } from '@/components/post'
import { site } from '@/lib/config'
import { getArchiveYear, getArchiveYears, paginate } from '@/lib/content/server'
import { archiveYearUrl } from '@/lib/routes'
import { pageMetadata } from '@/lib/seo'

// A year that gains its first post when a scheduled post goes live renders on request (proxy.ts turns away years with none).
export const dynamicParams = true
export const revalidate = 300

type Props = { params: Promise<{ year: string }> }

export function generateStaticParams() {
  return getArchiveYears().map((year) => ({ year: year.year }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { year } = await params
  return pageMetadata({ title: `Posts from ${year}`, description: `Every post from ${year}, by month.`, path: archiveYearUrl(year) })
}

export default async function ArchiveYearPage({ params }: Props) {
  const { year } = await params
  const listing = /^\d{4}$/.test(year) ? paginate(getArchiveYear(year), 1, site.archivePerPage) : undefined
  if (!listing || listing.items.length === 0) notFound()
  return <ArchiveYear year={year} posts={listing.items} page={1} totalPages={listing.totalPages} />
}
