import { plainNotFound } from '@/lib/http'
import { parseSitemapPart, sitemapResponse } from '@/lib/seo'

// Parts exist only past SITEMAP_MAX_URLS addresses; rendered on first request and cached (proxy.ts turns away the rest).
export const dynamicParams = true
export const revalidate = 300

export function generateStaticParams() {
  return []
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const part = parseSitemapPart((await params).file)
  return (part !== undefined && sitemapResponse(part)) || plainNotFound()
}
