import Link from 'next/link'
import { postUrl, type Post } from '@/lib/content'
import { PostMeta } from './PostMeta'
import { TagList } from './TagList'

export function PostCard({ post, headingLevel = 2 }: { post: Post; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const
  return (
    <article className="post-card">
      <Heading className="post-card-title">
        <Link prefetch={false} href={postUrl(post)}>{post.title}</Link>
      </Heading>
      <PostMeta date={post.date} readingMinutes={post.readingMinutes} />
      <p>{post.summary}</p>
      <TagList tags={post.tags} />
    </article>
  )
}

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
