import { Link } from '@/components/Link'
import { site, siteWords } from '@/lib/config'
import { format } from '@/lib/i18n'
import { listingPageUrl } from '@/lib/routes'

/**
 * Newer and older links for a listing whose first page is `first` (the home
 * page, a tag, a year of the archive, an author); later pages are `<first>/page/N`.
 */
export function Pagination({ first, page, totalPages }: { first: string; page: number; totalPages: number }) {
  if (totalPages <= 1) return null
  const words = siteWords.pagination
  return (
    <nav aria-label={words.label} className="pagination">
      {page > 1 ? (
        <Link href={listingPageUrl(first, page - 1)} rel="prev">
          {words.newer}
        </Link>
      ) : (
        <span />
      )}
      <span>{format(words.pageOf, { page, pages: totalPages }, site.language)}</span>
      {page < totalPages ? (
        <Link href={listingPageUrl(first, page + 1)} rel="next">
          {words.older}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}
