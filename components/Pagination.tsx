import Link from 'next/link'

export function pageHref(page: number): string {
  return page <= 1 ? '/' : `/page/${page}`
}

export function Pagination({ page, totalPages }: { page: number; totalPages: number }) {
  if (totalPages <= 1) return null
  return (
    <nav aria-label="Pagination" className="pagination">
      {page > 1 ? (
        <Link prefetch={false} href={pageHref(page - 1)} rel="prev">
          ← Newer posts
        </Link>
      ) : (
        <span />
      )}
      <span>
        Page {page} of {totalPages}
      </span>
      {page < totalPages ? (
        <Link prefetch={false} href={pageHref(page + 1)} rel="next">
          Older posts →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}
