import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { PostListing } from '@/components/PostListing'
import { getPublishedPosts, paginate, parsePageNumber } from '@/lib/content'
import { pageMetadata } from '@/lib/metadata'
import { site } from '@/lib/site'

export const revalidate = 300

type Props = { params: Promise<{ page: string }> }

export function generateStaticParams() {
  const pages = Math.ceil(getPublishedPosts().length / site.postsPerPage)
  return Array.from({ length: Math.max(0, pages - 1) }, (_, i) => ({ page: String(i + 2) }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { page } = await params
  return pageMetadata({ title: `Posts, page ${page}`, description: site.description, path: `/page/${page}` })
}

export default async function ListingPage({ params }: Props) {
  const page = parsePageNumber((await params).page)
  // /page/1 redirects to / in next.config.ts.
  const listing = page && page > 1 ? paginate(getPublishedPosts(), page) : undefined
  if (!listing) notFound()
  return <PostListing posts={listing.items} page={listing.page} totalPages={listing.totalPages} heading={`Posts, page ${listing.page}`} />
}
