import type { ReactNode } from 'react'
import { PostBody, type PageData } from '@/components/mdx'
import { Toc, Translations, type TranslationLink } from '@/components/post'
import type { Page, PostBody as BodyData } from '@/lib/content'
import { formatDateIn, textDirection } from '@/lib/i18n'

/** The one rendering of a page, shared by /<slug> and /drafts/pages/<slug>: the same MDX and contents as a post, none of its dates, tags or neighbours. */
export function PageArticle({
  page,
  body,
  banner,
  data,
  translations = [],
}: {
  page: Page
  body: BodyData
  banner?: ReactNode
  data?: PageData
  translations?: readonly TranslationLink[]
}) {
  return (
    <article className="page" lang={page.lang} dir={textDirection(page.lang)}>
      {banner}
      <header className="post-header">
        <Translations translations={translations} />
        <h1>{page.title}</h1>
        {page.updated ? (
          <p className="meta">
            Last updated <time dateTime={page.updated}>{formatDateIn(page.updated, page.lang)}</time>
          </p>
        ) : null}
      </header>
      <Toc headings={body.headings} />
      <PostBody code={body.code} data={data} />
    </article>
  )
}
