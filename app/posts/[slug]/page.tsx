import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { CommentsSection } from '@/components/comments'
import { PostArticle } from '@/components/post'
import { commentPage } from '@/lib/comments'
import { formTokenNow, postComments } from '@/lib/comments/server'
import { absoluteUrl } from '@/lib/config'
import { getAdjacentPosts, getAuthor, getPostsToPrerender, getPostTranslations, getPublishedPost, readPostBody } from '@/lib/content/server'
import { jsonForHtml } from '@/lib/http'
import { postHeroUrl } from '@/lib/images'
import { postOgImagePath } from '@/lib/og'
import { postUrl } from '@/lib/routes'
import { blogPostingJsonLd, postMetadata } from '@/lib/seo'

// The newest posts are built ahead; the rest, and a scheduled post once its date passes, render on first request and are cached.
export const dynamicParams = true
export const revalidate = 300

type Props = { params: Promise<{ slug: string }> }

export function generateStaticParams() {
  return getPostsToPrerender().map((post) => ({ slug: post.slug }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const post = getPublishedPost((await params).slug)
  return post ? postMetadata(post, getAuthor(post.author), getPostTranslations(post)) : {}
}

export default async function PostPage({ params }: Props) {
  const post = getPublishedPost((await params).slug)
  if (!post) notFound()
  const author = getAuthor(post.author)
  const card = absoluteUrl(postOgImagePath(post))
  const hero = postHeroUrl(post)
  // Approved comments are rendered into the page; approving one regenerates it (lib/comments/server.ts).
  const comments = await postComments(post)
  const jsonLd = blogPostingJsonLd(post, author, hero ? [hero, card] : card, comments.state === 'shown' ? comments.laid.count : undefined)
  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForHtml(jsonLd) }} />
      <PostArticle
        post={post}
        body={await readPostBody(post)}
        author={author}
        adjacent={getAdjacentPosts(post.slug)}
        imageBase={{ prefix: postUrl(post) }}
        comments={
          comments.state === 'shown' ? (
            <CommentsSection
              post={post}
              count={comments.laid.count}
              page={commentPage(comments.laid, 1)!}
              mentions={comments.laid.mentions}
              open={comments.setting === 'open'}
              formToken={comments.setting === 'open' ? formTokenNow(post) : undefined}
              unavailable={comments.live === 'unavailable'}
            />
          ) : undefined
        }
        translations={getPostTranslations(post).map((translation) => ({ lang: translation.lang, url: postUrl(translation) }))}
      />
    </>
  )
}
