import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { PostArticle } from '@/components/post'
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
  const jsonLd = blogPostingJsonLd(post, author, hero ? [hero, card] : card)
  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForHtml(jsonLd) }} />
      <PostArticle
        post={post}
        body={await readPostBody(post)}
        author={author}
        adjacent={getAdjacentPosts(post.slug)}
        imageBase={{ prefix: postUrl(post) }}
        translations={getPostTranslations(post).map((translation) => ({ lang: translation.lang, url: postUrl(translation) }))}
      />
    </>
  )
}
