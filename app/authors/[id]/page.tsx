import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { PostBody } from '@/components/mdx'
import { PaginatedPosts } from '@/components/post'
import { site } from '@/lib/config'
import { getAuthor, getAuthors, getPostsByAuthor, paginate } from '@/lib/content/server'
import { authorUrl } from '@/lib/routes'
import { pageMetadata } from '@/lib/seo'

export const dynamicParams = false
export const revalidate = 300

type Props = { params: Promise<{ id: string }> }

export function generateStaticParams() {
  return getAuthors().map((author) => ({ id: author.id }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const author = getAuthor((await params).id)
  if (!author) return {}
  return pageMetadata({ title: author.name, description: `About ${author.name}, who writes ${site.name}.`, path: authorUrl(author.id) })
}

export default async function AuthorPage({ params }: Props) {
  const author = getAuthor((await params).id)
  if (!author) notFound()
  const listing = paginate(getPostsByAuthor(author.id), 1)!
  return (
    <>
      <h1>{author.name}</h1>
      {author.role || author.organisation ? (
        <p className="lede">{[author.role !== author.name ? author.role : undefined, author.organisation].filter(Boolean).join(', ')}</p>
      ) : null}
      <PostBody code={author.body.code} />
      {author.email || author.twitter ? (
        <ul className="meta">
          {author.email ? (
            <li>
              Email: <a href={`mailto:${author.email}`}>{author.email}</a>
            </li>
          ) : null}
          {author.twitter ? (
            <li>
              X (Twitter): <a href={`https://x.com/${author.twitter}`}>@{author.twitter}</a>
            </li>
          ) : null}
        </ul>
      ) : null}
      <PaginatedPosts posts={listing.items} first={authorUrl(author.id)} page={1} totalPages={listing.totalPages} heading="Posts" headingLevel={2} />
    </>
  )
}
