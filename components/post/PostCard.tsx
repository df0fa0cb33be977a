import { Link } from '@/components/Link'
import type { Post } from '@/lib/content'
import { textDirection } from '@/lib/i18n'
import { postUrl } from '@/lib/routes'
import { PostMeta } from './PostMeta'
import { TagList } from './TagList'

export function PostCard({ post, headingLevel = 2 }: { post: Post; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const
  return (
    <article className="post-card" lang={post.lang} dir={textDirection(post.lang)}>
      <Heading className="post-card-title">
        <Link href={postUrl(post)}>{post.title}</Link>
      </Heading>
      <PostMeta date={post.date} readingMinutes={post.readingMinutes} lang={post.lang} />
      <p>{post.summary}</p>
      <TagList tags={post.tags} />
    </article>
  )
}
