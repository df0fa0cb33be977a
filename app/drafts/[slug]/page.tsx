import type { Metadata } from 'next'
import { forbidden, notFound, permanentRedirect, redirect } from 'next/navigation'
import { DraftBanner, PostArticle } from '@/components/post'
import { ShareLinkButton } from '@/components/post/ShareLinkButton'
import { authSecret } from '@/lib/auth'
import { authorSession, signInUrlFor } from '@/lib/auth/server'
import { serverConfig } from '@/lib/config/server'
import { getAuthor, readPostBody } from '@/lib/content/server'
import { resolveDraftAccess } from '@/lib/drafts/server'
import { draftUrl, postUrl } from '@/lib/routes'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { title: 'Draft preview', robots: { index: false, follow: false } }

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ share?: string | string[] }> }

export default async function DraftPage({ params, searchParams }: Props) {
  const { slug } = await params
  const share = (await searchParams).share
  // A share link works without the author store; a session while the store is down does not.
  const session = await authorSession()
  const access = resolveDraftAccess({
    slug,
    signedIn: session.state === 'signed-in',
    shareToken: Array.isArray(share) ? share[0] : share,
    secret: authSecret(serverConfig),
  })
  switch (access.kind) {
    case 'sign-in':
      redirect(signInUrlFor(session, draftUrl(slug)))
    case 'forbidden':
      forbidden()
    case 'not-found':
      notFound()
    case 'published':
      permanentRedirect(postUrl({ slug: access.slug }))
  }
  const { post, state } = access.draft
  // A reviewer's browser fetches the pictures without the page's query, so their addresses carry the share token too.
  const shareToken = access.kind === 'shared' ? (Array.isArray(share) ? share[0] : share) : undefined
  return (
    <PostArticle
      post={post}
      body={await readPostBody(post)}
      author={getAuthor(post.author)}
      imageBase={{ prefix: draftUrl(post.slug), query: shareToken ? `share=${encodeURIComponent(shareToken)}` : undefined }}
      banner={<DraftBanner state={state} date={post.date} share={access.kind === 'author' ? <ShareLinkButton slug={post.slug} /> : null} />}
    />
  )
}
