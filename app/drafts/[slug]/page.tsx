import type { Metadata } from 'next'
import { forbidden, notFound, permanentRedirect, redirect } from 'next/navigation'
import { DraftBanner, PostArticle } from '@/components/post'
import { ShareLinkButton } from '@/components/post/ShareLinkButton'
import { authSecret } from '@/lib/auth'
import { getAuthorSession } from '@/lib/auth/server'
import { serverConfig } from '@/lib/config/server'
import { getAuthor, resolveDraftAccess } from '@/lib/content/server'
import { draftUrl, postUrl, signInUrl } from '@/lib/routes'

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
    secret: authSecret(serverConfig),
  })
  switch (access.kind) {
    case 'sign-in':
      redirect(signInUrl(draftUrl(slug)))
    case 'forbidden':
      forbidden()
    case 'not-found':
      notFound()
    case 'published':
      permanentRedirect(postUrl({ slug: access.slug }))
  }
  const { post, state } = access.draft
  return (
    <PostArticle
      post={post}
      author={getAuthor(post.author)}
      banner={<DraftBanner state={state} date={post.date} share={access.kind === 'author' ? <ShareLinkButton slug={post.slug} /> : null} />}
    />
  )
}
