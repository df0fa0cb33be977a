import { sitemapResponse } from '@/lib/seo'

// Static, regenerated so scheduled posts join the sitemap without a rebuild.
export const revalidate = 300

export function GET(): Response {
  return sitemapResponse()!
}
