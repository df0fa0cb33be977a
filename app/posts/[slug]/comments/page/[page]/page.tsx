import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { CommentsSection } from '@/components/comments'
import { Link } from '@/components/Link'
import { COMMENT_WORDS, commentPage } from '@/lib/comments'
import { postComments } from '@/lib/comments/server'
import { getPublishedPost, parsePageNumber } from '@/lib/content/server'
import { postUrl } from '@/lib/routes'

// Later pages of a busy post's comments: rendered on first request, regenerated with the post when a comment is approved.
export const dynamicParams = true
export const revalidate = 300

type Props = { params: Promise<{ slug: string; page: string }> }

export function generateStaticParams() {
  return []
}

async function commentsPage({ params }: Props) {
  const { slug, page: segment } = await params
  const post = getPublishedPost(slug)
  const page = parsePageNumber(segment)
  if (!post || page === undefined || page < 2) return undefined
  const comments = await postComments(post)
  if (comments.state !== 'shown') return undefined
  const shown = commentPage(comments.laid, page)
  return shown ? { post, comments, shown } : undefined
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const found = await commentsPage(props)
  return found
    ? { title: `${COMMENT_WORDS.page(found.shown.page, found.shown.pages)}: ${found.post.title}`, alternates: { canonical: undefined } }
    : {}
}

export default async function CommentsPage(props: Props) {
  const found = await commentsPage(props)
  if (!found) notFound()
  const { post, comments, shown } = found
  return (
    <article>
      <p>
        <Link href={postUrl(post)}>{COMMENT_WORDS.backToPost(post.title)}</Link>
      </p>
      <h1>{post.title}</h1>
      <CommentsSection
        post={post}
        count={comments.laid.count}
        page={shown}
        mentions={[]}
        open={comments.setting === 'open'}
        unavailable={comments.live === 'unavailable'}
      />
    </article>
  )
}
