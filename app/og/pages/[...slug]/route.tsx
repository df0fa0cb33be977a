import { getPublishedPage, getPublishedPages } from '@/lib/content/server'
import { plainNotFound } from '@/lib/http'
import { renderPageCard } from '@/lib/og/server'

// Pages have no schedule, so every card is built ahead; proxy.ts answers any other address.
export const dynamicParams = false

export function generateStaticParams() {
  return getPublishedPages().map((page) => ({ slug: page.slug.split('/') }))
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string[] }> }) {
  const page = getPublishedPage((await params).slug.join('/'))
  if (!page) return plainNotFound()
  return renderPageCard(page)
}
