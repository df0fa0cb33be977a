import type { Post } from '@/lib/content'
import { Pagination } from './Pagination'
import { PostList } from './PostList'

/** The home page and its /page/N continuations: a heading, one page of posts, and links to the pages either side. */
export function PaginatedPosts({ posts, page, totalPages, heading }: { posts: Post[]; page: number; totalPages: number; heading: string }) {
  return (
    <>
      <h1>{heading}</h1>
      {posts.length === 0 ? <p>No posts yet.</p> : <PostList posts={posts} />}
      <Pagination page={page} totalPages={totalPages} />
    </>
  )
}
