import type { Post } from '@/lib/content'
import { Pagination } from './Pagination'
import { PostList } from './PostList'

/**
 * One page of a listing of post cards, whose first page is `first`: the home
 * page and /page/N, a tag's pages, an author's. A heading, the posts, and
 * links to the pages either side.
 */
export function PaginatedPosts({
  posts,
  first,
  page,
  totalPages,
  heading,
  headingLevel = 1,
}: {
  posts: readonly Post[]
  first: string
  page: number
  totalPages: number
  heading: string
  headingLevel?: 1 | 2
}) {
  const Heading = `h${headingLevel}` as const
  return (
    <>
      <Heading className={headingLevel === 2 ? 'section-heading' : undefined}>{heading}</Heading>
      {posts.length === 0 ? <p>No posts yet.</p> : <PostList posts={posts} headingLevel={headingLevel === 2 ? 3 : 2} />}
      <Pagination first={first} page={page} totalPages={totalPages} />
    </>
  )
}
