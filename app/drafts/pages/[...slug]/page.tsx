import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'
import { PageArticle } from '@/components/page'
import { DraftBanner } from '@/components/post'
import { requireAuthor } from '@/lib/auth/server'
import { getPublishedPage, getUnpublishedPage, readPageBody } from '@/lib/content/server'
import { page as pageKind } from '@/lib/documents'
import { contentPageUrl, pageDraftUrl } from '@/lib/routes'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { title: 'Draft preview', robots: { index: false, follow: false } }

type Props = { params: Promise<{ slug: string[] }> }

/** A draft page exactly as readers will see it, for signed-in authors only. */
export default async function DraftContentPage({ params }: Props) {
  const slug = (await params).slug.join('/')
  await requireAuthor(pageDraftUrl({ slug }))
  const page = getUnpublishedPage(slug)
  if (!page) {
    if (getPublishedPage(slug)) permanentRedirect(contentPageUrl({ slug }))
    notFound()
  }
  return <PageArticle page={page} body={await readPageBody(page)} banner={<DraftBanner state="draft" shareable={pageKind.shareable} />} />
}
