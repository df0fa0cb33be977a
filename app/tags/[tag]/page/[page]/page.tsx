import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { PaginatedPosts } from '@/components/post'
import { getPostsByTag, getTag, paginate, parsePageNumber } from '@/lib/content/server'
import { listingPageUrl, tagUrl } from '@/lib/routes'
import { pageMetadata } from '@/lib/seo'

// Rendered on first request and cached; proxy.ts turns away unknown tags and pages past the end.
export const dynamicParams = true
export const revalidate = 300

type Props = { params: Promise<{ tag: string; page: string }> }

export function generateStaticParams() {
  return []
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tag: slug, page } = await params
  const tag = getTag(slug)
  if (!tag) return {}
  return pageMetadata({
    title: `Posts tagged “${tag.name}”, page ${page}`,
    description: `${tag.count} posts tagged ${tag.name}.`,
    path: listingPageUrl(tagUrl(tag.slug), Number(page)),
  })
}

export default async function TagLaterPage({ params }: Props) {
  const { tag: slug, page: segment } = await params
  const tag = getTag(slug)
  const page = parsePageNumber(segment)
  // Page 1 redirects to /tags/<tag> in next.config.ts.
  const listing = tag && page && page > 1 ? paginate(getPostsByTag(tag.slug), page) : undefined
  if (!tag || !listing) notFound()
  return (
    <PaginatedPosts
      posts={listing.items}
      first={tagUrl(tag.slug)}
      page={listing.page}
      totalPages={listing.totalPages}
      heading={`Posts tagged “${tag.name}”, page ${listing.page}`}
    />
  )
}
