import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { PaginatedPosts } from '@/components/post'
import { getAuthor, getPostsByAuthor, paginate, parsePageNumber } from '@/lib/content/server'
import { authorUrl, listingPageUrl } from '@/lib/routes'
import { pageMetadata } from '@/lib/seo'

// Rendered on first request and cached; proxy.ts turns away unknown authors and pages past the end.
export const dynamicParams = true
export const revalidate = 300

type Props = { params: Promise<{ id: string; page: string }> }

export function generateStaticParams() {
  return []
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, page } = await params
  const author = getAuthor(id)
  if (!author) return {}
  return pageMetadata({
    title: `Posts by ${author.name}, page ${page}`,
    description: `Posts by ${author.name}.`,
    path: listingPageUrl(authorUrl(author.id), Number(page)),
  })
}

export default async function AuthorLaterPage({ params }: Props) {
  const { id, page: segment } = await params
  const author = getAuthor(id)
  const page = parsePageNumber(segment)
  // Page 1 redirects to /authors/<id> in next.config.ts.
  const listing = author && page && page > 1 ? paginate(getPostsByAuthor(author.id), page) : undefined
  if (!author || !listing) notFound()
  return (
    <PaginatedPosts
      posts={listing.items}
      first={authorUrl(author.id)}
      page={listing.page}
      totalPages={listing.totalPages}
      heading={`Posts by ${author.name}, page ${listing.page}`}
    />
  )
}
