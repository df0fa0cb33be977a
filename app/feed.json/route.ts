import { feedResponse } from '@/lib/seo'

// Static, regenerated so scheduled posts join the feed without a rebuild.
export const revalidate = 300

export function GET(): Promise<Response> {
  return feedResponse('json')
}
