import { PaginatedPosts } from '@/components/post'
import { site } from '@/lib/config'
import { getPublishedPosts, paginate } from '@/lib/content/server'
import { HOME } from '@/lib/routes'

// Regenerates so scheduled posts appear without a rebuild (REVALIDATE_SECONDS in lib/config/site.ts).
export const revalidate = 300

export default function HomePage() {
  const listing = paginate(getPublishedPosts(), 1)!
  return (
    <>
      <p className="lede">{site.description}</p>
      <PaginatedPosts posts={listing.items} first={HOME} page={1} totalPages={listing.totalPages} heading="Latest posts" />
    </>
  )
}
