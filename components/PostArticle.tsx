import Link from 'next/link'
import type { ReactNode } from 'react'
import type { Author, Post, PostLink } from '@/lib/content'
import { postHeadings, postUrl } from '@/lib/content'
import { PostBody } from './PostBody'
import { PostMeta } from './PostMeta'
import { TagList } from './TagList'
import { Toc } from './Toc'

type PostArticleProps = {
  post: Post
  author?: Author
  /** Only published posts have neighbours; drafts get none so they link to nothing unpublished. */
  adjacent?: { newer?: PostLink; older?: PostLink }
  banner?: ReactNode
}

/** The one rendering of a post, shared by /posts/[slug] and /drafts/[slug]. */
export function PostArticle({ post, author, adjacent, banner }: PostArticleProps) {
  return (
    <article className="post">
      {banner}
      <header className="post-header">
        <h1>{post.title}</h1>
        <PostMeta date={post.date} updated={post.updated} readingMinutes={post.readingMinutes} />
        {author ? (
          <p className="byline">
            By <Link prefetch={false} href={`/authors/${author.id}`}>{author.name}</Link>
            {author.organisation ? `, ${author.organisation}` : null}
          </p>
        ) : null}
        <TagList tags={post.tags} />
      </header>
      <Toc headings={postHeadings(post)} />
      <PostBody code={post.body.code} />
      {adjacent && (adjacent.newer || adjacent.older) ? (
        <nav aria-label="More posts" className="adjacent">
          {adjacent.older ? (
            <Link prefetch={false} href={postUrl(adjacent.older)} rel="prev">
              <span>Older post</span>
              {adjacent.older.title}
            </Link>
          ) : (
            <span />
          )}
          {adjacent.newer ? (
            <Link prefetch={false} href={postUrl(adjacent.newer)} rel="next">
              <span>Newer post</span>
              {adjacent.newer.title}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </article>
  )
}
