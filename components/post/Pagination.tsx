import { Link } from '@/components/Link'
import { listingPageUrl } from '@/lib/routes'

/**
 * Newer and older links for a listing whose first page is `first` (the home
 * page, a tag, a year of the archive, an author); later pages are `<first>/page/N`.
 */
export function Pagination({ first, page, totalPages }: { first: string; page: number; totalPages: number }) {
  if (totalPages <= 1) return null
  return (
    <nav aria-label="Pagination" className="pagination">
      {page > 1 ? (
        <Link href={listingPageUrl(first, page - 1)} rel="prev">
          ← Newer posts
        </Link>
      ) : (
        <span />
      )}
      <span>{`Page ${page} of ${totalPages}`}</span>
      {page < totalPages ? (
        <Link href={listingPageUrl(first, page + 1)} rel="next">
          Older posts →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}
