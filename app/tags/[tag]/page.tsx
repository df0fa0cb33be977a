import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { PostList } from '@/components/post'
import { getPostsByTag, getTag, getTags } from '@/lib/content/server'
import { tagUrl } from '@/lib/routes'
import { pageMetadata } from '@/lib/seo'

export const dynamicParams = true
export const revalidate = 300

type Props = { params: Promise<{ tag: string }> }

export function generateStaticParams() {
  return getTags().map((tag) => ({ tag: tag.slug }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = getTag((await params).tag)
  if (!tag) return {}
  return pageMetadata({ title: `Posts tagged “${tag.name}”`, description: `${tag.count} posts tagged ${tag.name}.`, path: tagUrl(tag.slug) })
}

export default async function TagPage({ params }: Props) {
  const tag = getTag((await params).tag)
  if (!tag) notFound()
  return (
    <>
      <h1>Posts tagged “{tag.name}”</h1>
      <PostList posts={getPostsByTag(tag.slug)} />
    </>
  )
}
