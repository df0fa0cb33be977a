import { renderSiteCard } from '@/lib/og/server'

// Static: the card depends only on the site's configuration, read at build.
export const dynamic = 'force-static'

export function GET() {
  return renderSiteCard()
}
