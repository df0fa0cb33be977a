import { PostBody } from '@/components/mdx'
import { PaginatedPosts } from '@/components/post'
import type { FoundListingPage } from '@/lib/content/server'
import { listingRoute } from '@/app/_routes/listing'

/** An author's profile, then the first page of their posts. */
function profilePage(found: FoundListingPage) {
  if (found.name !== 'author') return null
  const { author } = found
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
      <PaginatedPosts posts={found.items} first={found.first} page={1} totalPages={found.totalPages} heading="Posts" headingLevel={2} />
    </>
  )
}

const route = listingRoute('author', { render: profilePage })

export const dynamicParams = false
export const revalidate = 300
export const { generateStaticParams, generateMetadata } = route
export default route.Page
