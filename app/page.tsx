import { PaginatedPosts } from '@/components/post'
import { site } from '@/lib/config'
import { findListingPage } from '@/lib/content/server'

// Regenerates so scheduled posts appear without a rebuild (REVALIDATE_SECONDS in lib/config/site.ts).
export const revalidate = 300

export default function HomePage() {
  // The home page's listing always has its first page, with "No posts yet" when it is empty.
  const listing = findListingPage('home', undefined)!
  return (
    <>
      <p className="lede">{site.description}</p>
      <PaginatedPosts posts={listing.items} first={listing.first} page={1} totalPages={listing.totalPages} heading="Latest posts" />
    </>
  )
}
