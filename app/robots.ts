import type { MetadataRoute } from 'next'
import { absoluteUrl } from '@/lib/config'
import { API_PREFIX, DRAFTS, SIGN_IN, SITEMAP } from '@/lib/routes'

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: [DRAFTS, API_PREFIX, SIGN_IN] }],
    sitemap: absoluteUrl(SITEMAP),
  }
}
