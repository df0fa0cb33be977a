import type { ReactNode } from 'react'
import { PostBody, type PageData } from '@/components/mdx'
import { Toc } from '@/components/post'
import { formatDate, type Page, type PostBody as BodyData } from '@/lib/content'

/** The one rendering of a page, shared by /<slug> and /drafts/pages/<slug>: the same MDX and contents as a post, none of its dates, tags or neighbours. */
export function PageArticle({ page, body, banner, data }: { page: Page; body: BodyData; banner?: ReactNode; data?: PageData }) {
  return (
    <article className="page">
      {banner}
      <header className="post-header">
        <h1>{page.title}</h1>
        {page.updated ? (
          <p className="meta">
            Last updated <time dateTime={page.updated}>{formatDate(page.updated)}</time>
          </p>
        ) : null}
      </header>
      <Toc headings={body.headings} />
      <PostBody code={body.code} data={data} />
    </article>
  )
}
