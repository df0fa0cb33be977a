import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { PaginatedPosts } from '@/components/post'
import { site } from '@/lib/config'
import { getPostsToPrerender, getPublishedPosts, pageCount, paginate, parsePageNumber } from '@/lib/content/server'
import { HOME, pageUrl } from '@/lib/routes'
import { pageMetadata } from '@/lib/seo'

// Pages past the prerendered ones render on first request and are cached (proxy.ts turns away numbers past the end).
export const dynamicParams = true
export const revalidate = 300

type Props = { params: Promise<{ page: string }> }

/** The pages that list the prerendered posts (page 1 is the home page); older pages render on first request. */
export function generateStaticParams() {
  return Array.from({ length: pageCount(getPostsToPrerender().length) - 1 }, (_, i) => ({ page: String(i + 2) }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { page } = await params
  return pageMetadata({ title: `Posts, page ${page}`, description: site.description, path: pageUrl(Number(page)) })
}

export default async function ListingPage({ params }: Props) {
  const page = parsePageNumber((await params).page)
  // /page/1 redirects to / in next.config.ts.
  const listing = page && page > 1 ? paginate(getPublishedPosts(), page) : undefined
  if (!listing) notFound()
  return (
    <PaginatedPosts posts={listing.items} first={HOME} page={listing.page} totalPages={listing.totalPages} heading={`Posts, page ${listing.page}`} />
  )
}
