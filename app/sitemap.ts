import type { MetadataRoute } from 'next'
import { sitemapEntries } from '@/lib/seo'

export const revalidate = 300

export default function sitemap(): MetadataRoute.Sitemap {
  return sitemapEntries()
}
