import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { PageArticle } from '@/components/page'
import { getPageTranslations, getPublishedPage, getPublishedPages, pageData, readPageBody } from '@/lib/content/server'
import { contentPageUrl } from '@/lib/routes'
import { contentPageMetadata } from '@/lib/seo'

// Pages have no schedule: the published ones are built ahead, and any other address is a 404 that renders and caches nothing.
export const dynamicParams = false

type Props = { params: Promise<{ slug: string[] }> }

export function generateStaticParams() {
  return getPublishedPages().map((page) => ({ slug: page.slug.split('/') }))
}

async function pageFor(params: Props['params']) {
  return getPublishedPage((await params).slug.join('/'))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await pageFor(params)
  return page ? contentPageMetadata(page, getPageTranslations(page)) : {}
}

export default async function ContentPage({ params }: Props) {
  const page = await pageFor(params)
  if (!page) notFound()
  const translations = getPageTranslations(page).map((translation) => ({ lang: translation.lang, url: contentPageUrl(translation) }))
  return <PageArticle page={page} body={await readPageBody(page)} translations={translations} data={pageData()} />
}
