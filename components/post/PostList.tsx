import type { Post } from '@/lib/content'
import { PostCard } from './PostCard'

/** Posts as a list of cards: a tag's, an author's, or one page of the listing. */
export function PostList({ posts, headingLevel }: { posts: readonly Post[]; headingLevel?: 2 | 3 }) {
  return (
    <ol className="post-list">
      {posts.map((post) => (
        <li key={post.slug}>
          <PostCard post={post} headingLevel={headingLevel} />
        </li>
      ))}
    </ol>
  )
}
