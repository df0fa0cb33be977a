import type { ReactNode } from 'react'
import { Link } from '@/components/Link'
import { PostBody } from '@/components/mdx'
import type { Author, Post, PostBody as PostBodyData } from '@/lib/content'
import type { PostLink } from '@/lib/content/server'
import { authorUrl, postUrl } from '@/lib/routes'
import { PostMeta } from './PostMeta'
import { TagList } from './TagList'
import { Toc } from './Toc'

type PostArticleProps = {
  post: Post
  /** Read from the content store for this one post. */
  body: PostBodyData
  author?: Author
  /** Only published posts have neighbours; drafts get none so they link to nothing unpublished. */
  adjacent?: { newer?: PostLink; older?: PostLink }
  banner?: ReactNode
}

/** The one rendering of a post, shared by /posts/[slug] and /drafts/[slug]. */
export function PostArticle({ post, body, author, adjacent, banner }: PostArticleProps) {
  return (
    <article className="post">
      {banner}
      <header className="post-header">
        <h1>{post.title}</h1>
        <PostMeta date={post.date} updated={post.updated} readingMinutes={post.readingMinutes} />
        {author ? (
          <p className="byline">
            By <Link href={authorUrl(author.id)}>{author.name}</Link>
            {author.organisation ? `, ${author.organisation}` : null}
          </p>
        ) : null}
        <TagList tags={post.tags} />
      </header>
      <Toc headings={body.headings} />
      <PostBody code={body.code} />
      {adjacent && (adjacent.newer || adjacent.older) ? (
        <nav aria-label="More posts" className="adjacent">
          {adjacent.older ? (
            <Link href={postUrl(adjacent.older)} rel="prev">
              <span>Older post</span>
              {adjacent.older.title}
            </Link>
          ) : (
            <span />
          )}
          {adjacent.newer ? (
            <Link href={postUrl(adjacent.newer)} rel="next">
              <span>Newer post</span>
              {adjacent.newer.title}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </article>
  )
}
