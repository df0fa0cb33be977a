import type { ReactNode } from 'react'
import { Link } from '@/components/Link'
import { Picture, PostBody, RemoteImage } from '@/components/mdx'
import type { Author, Post, PostBody as PostBodyData } from '@/lib/content'
import type { PostLink } from '@/lib/content/server'
import { postHero, postImages, remoteHero, type ImageBase } from '@/lib/images'
import { site } from '@/lib/config'
import { dictionaryForDocument, textDirection } from '@/lib/i18n'
import { authorUrl, postUrl } from '@/lib/routes'
import { PostMeta } from './PostMeta'
import { TagList } from './TagList'
import { Toc } from './Toc'
import { Translations, type TranslationLink } from './Translations'
import { WordsIn } from './WordsIn'

type PostArticleProps = {
  post: Post
  /** Read from the content store for this one post. */
  body: PostBodyData
  author?: Author
  /** Only published posts have neighbours; drafts get none so they link to nothing unpublished. */
  adjacent?: { newer?: PostLink; older?: PostLink }
  banner?: ReactNode
  /** Where this rendering's pictures are served: under /posts/<slug>, or /drafts/<slug> with the reader's share token. */
  imageBase: ImageBase
  /** Readers' comments and the form, under the body (published posts only). */
  comments?: ReactNode
  /** Its published translations: linked at the top, each in its own language. */
  translations?: readonly TranslationLink[]
}

/** The one rendering of a post, shared by /posts/[slug] and /drafts/[slug]. */
export function PostArticle({ post, body, author, adjacent, banner, imageBase, comments, translations = [] }: PostArticleProps) {
  const hero = postHero(post)
  const remote = hero ? undefined : remoteHero(post)
  const words = dictionaryForDocument(post.lang, site.language)
  const inWords = (text: string) => (
    <WordsIn language={words.language} documentLanguage={post.lang}>
      {text}
    </WordsIn>
  )
  // The post is in its own language and direction; the site's frame around it keeps the site's (app/layout.tsx).
  return (
    <article className="post" lang={post.lang} dir={textDirection(post.lang)}>
      {banner}
      <header className="post-header">
        <Translations translations={translations} />
        <h1>{post.title}</h1>
        <PostMeta date={post.date} updated={post.updated} readingMinutes={post.readingMinutes} lang={post.lang} />
        {author ? (
          <p className="byline">
            By <Link href={authorUrl(author.id)}>{author.name}</Link>
            {author.organisation ? `, ${author.organisation}` : null}
          </p>
        ) : null}
        <TagList tags={post.tags} />
      </header>
      {hero ? (
        <div className="post-hero">
          <Picture image={hero.image} alt={hero.alt} base={imageBase} priority />
        </div>
      ) : remote ? (
        <div className="post-hero">
          <RemoteImage src={remote.src} alt={remote.alt} />
        </div>
      ) : null}
      <Toc headings={body.headings} />
      <PostBody code={body.code} images={{ images: postImages(body), base: imageBase, mode: 'page', firstIsPriority: !hero }} />
      {comments}
      {adjacent && (adjacent.newer || adjacent.older) ? (
        <nav aria-label={words.post.morePosts} className="adjacent">
          {adjacent.older ? (
            <Link href={postUrl(adjacent.older)} rel="prev">
              <span>{inWords(words.post.olderPost)}</span>
              {adjacent.older.title}
            </Link>
          ) : (
            <span />
          )}
          {adjacent.newer ? (
            <Link href={postUrl(adjacent.newer)} rel="next">
              <span>{inWords(words.post.newerPost)}</span>
              {adjacent.newer.title}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </article>
  )
}
