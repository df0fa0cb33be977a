import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { PostList } from '@/components/PostCard'
import { getPostsByTag, getTags } from '@/lib/content'
import { pageMetadata } from '@/lib/metadata'

export const dynamicParams = true
export const revalidate = 300

type Props = { params: Promise<{ tag: string }> }

export function generateStaticParams() {
  return getTags().map((tag) => ({ tag: tag.slug }))
}

function findTag(slug: string) {
  return getTags().find((tag) => tag.slug === slug)
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = findTag((await params).tag)
  if (!tag) return {}
  return pageMetadata({ title: `Posts tagged “${tag.name}”`, description: `${tag.count} posts tagged ${tag.name}.`, path: `/tags/${tag.slug}` })
}

export default async function TagPage({ params }: Props) {
  const tag = findTag((await params).tag)
  if (!tag) notFound()
  return (
    <>
      <h1>Posts tagged “{tag.name}”</h1>
      <PostList posts={getPostsByTag(tag.slug)} />
    </>
  )
}
