import type { Metadata } from 'next'
import { forbidden, notFound, permanentRedirect, redirect } from 'next/navigation'
import { DraftBanner } from '@/components/DraftBanner'
import { PostArticle } from '@/components/PostArticle'
import { authSecret, getAuthorSession, SIGN_IN_PATH } from '@/lib/auth'
import { getAuthor, postState, postUrl } from '@/lib/content'
import { draftUrl, resolveDraftAccess } from '@/lib/drafts'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { title: 'Draft preview', robots: { index: false, follow: false } }

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ share?: string | string[] }> }

export default async function DraftPage({ params, searchParams }: Props) {
  const { slug } = await params
  const share = (await searchParams).share
  const access = resolveDraftAccess({
    slug,
    signedIn: Boolean(await getAuthorSession()),
    shareToken: Array.isArray(share) ? share[0] : share,
    secret: authSecret(),
  })
  switch (access.kind) {
    case 'sign-in':
      redirect(`${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent(draftUrl(slug))}`)
    case 'forbidden':
      forbidden()
    case 'not-found':
      notFound()
    case 'published':
      permanentRedirect(postUrl({ slug: access.slug }))
  }
  const { post } = access
  return (
    <PostArticle
      post={post}
      author={getAuthor(post.author)}
      banner={<DraftBanner slug={post.slug} state={postState(post) as 'draft' | 'scheduled'} date={post.date} canShare={access.kind === 'author'} />}
    />
  )
}
