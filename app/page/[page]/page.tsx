import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { PaginatedPosts } from '@/components/post'
import { site } from '@/lib/config'
import { getPublishedPosts, pageCount, paginate, parsePageNumber } from '@/lib/content/server'
import { PAGE_PREFIX } from '@/lib/routes'
import { pageMetadata } from '@/lib/seo'

export const revalidate = 300

type Props = { params: Promise<{ page: string }> }

export function generateStaticParams() {
  // Page 1 is the home page.
  return Array.from({ length: pageCount(getPublishedPosts().length) - 1 }, (_, i) => ({ page: String(i + 2) }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { page } = await params
  return pageMetadata({ title: `Posts, page ${page}`, description: site.description, path: `${PAGE_PREFIX}${page}` })
}

export default async function ListingPage({ params }: Props) {
  const page = parsePageNumber((await params).page)
  // /page/1 redirects to / in next.config.ts.
  const listing = page && page > 1 ? paginate(getPublishedPosts(), page) : undefined
  if (!listing) notFound()
  return <PaginatedPosts posts={listing.items} page={listing.page} totalPages={listing.totalPages} heading={`Posts, page ${listing.page}`} />
}
