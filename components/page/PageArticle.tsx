import type { ReactNode } from 'react'
import { PostBody } from '@/components/mdx'
import { Toc } from '@/components/post'
import { formatDate, type Page } from '@/lib/content'
import { pageHeadings } from '@/lib/content/server'

/** The one rendering of a page, shared by /<slug> and /drafts/pages/<slug>: the same MDX and contents as a post, none of its dates, tags or neighbours. */
export function PageArticle({ page, banner }: { page: Page; banner?: ReactNode }) {
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
      <Toc headings={pageHeadings(page)} />
      <PostBody code={page.body.code} />
    </article>
  )
}
