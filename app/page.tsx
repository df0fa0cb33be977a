import { PostListing } from '@/components/PostListing'
import { getPublishedPosts, paginate } from '@/lib/content'
import { site } from '@/lib/site'

// Regenerates so scheduled posts appear without a rebuild (lib/site.ts revalidateSeconds).
export const revalidate = 300

export default function HomePage() {
  const listing = paginate(getPublishedPosts(), 1)!
  return (
    <>
      <p className="lede">{site.description}</p>
      <PostListing posts={listing.items} page={1} totalPages={listing.totalPages} heading="Latest posts" />
    </>
  )
}
