import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { PaginatedPosts } from '@/components/post'
import { getPostsByTag, getTag, getTagsToPrerender, paginate } from '@/lib/content/server'
import { tagUrl } from '@/lib/routes'
import { pageMetadata } from '@/lib/seo'

export const dynamicParams = true
export const revalidate = 300

type Props = { params: Promise<{ tag: string }> }

export function generateStaticParams() {
  return getTagsToPrerender().map((tag) => ({ tag: tag.slug }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = getTag((await params).tag)
  if (!tag) return {}
  return pageMetadata({ title: `Posts tagged “${tag.name}”`, description: `${tag.count} posts tagged ${tag.name}.`, path: tagUrl(tag.slug) })
}

export default async function TagPage({ params }: Props) {
  const tag = getTag((await params).tag)
  if (!tag) notFound()
  const listing = paginate(getPostsByTag(tag.slug), 1)!
  return (
    <PaginatedPosts posts={listing.items} first={tagUrl(tag.slug)} page={1} totalPages={listing.totalPages} heading={`Posts tagged “${tag.name}”`} />
  )
}
