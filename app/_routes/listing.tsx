/**
 * What the listing routes share (the home page's later pages, a tag, a year of
 * the archive, an author): what they build ahead, their metadata and their
 * page, each looking the listing page up with lib/content's findListingPage,
 * as the route guard (proxy.ts) did before the route ran. Next ignores this
 * folder as a route: its name starts with an underscore.
 */
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import type { ReactNode } from 'react'
import { ArchiveYear, PaginatedPosts } from '@/components/post'
import { findListingPage, listingPagesToPrerender, listingPageTitle, type FoundListingPage } from '@/lib/content/server'
import { LISTING_ROUTES, routeSegments, type ListingName } from '@/lib/routes'
import { pageMetadata } from '@/lib/seo'

type Props = { params: Promise<Record<string, string>> }

/** The segment that names a listing's key (`tag` in /tags/[tag]); none for the home page. */
function keyParam(name: ListingName): string | undefined {
  return routeSegments(LISTING_ROUTES[name].first)
    .find((segment) => segment.startsWith('['))
    ?.slice(1, -1)
}

/** One page of a listing: a year's titles by month, or post cards for the rest. */
function ListingView({ found }: { found: FoundListingPage }) {
  if (found.name === 'year') return <ArchiveYear year={found.year} posts={found.items} page={found.page} totalPages={found.totalPages} />
  return <PaginatedPosts posts={found.items} first={found.first} page={found.page} totalPages={found.totalPages} heading={found.title(found.page)} />
}

/**
 * A listing route: its first page, or (`later`) its pages after the first.
 * `render` draws a first page that shows more than the listing (an author's profile).
 */
export function listingRoute(
  name: ListingName,
  { later = false, render }: { later?: boolean; render?: (found: FoundListingPage) => ReactNode } = {},
) {
  const key = keyParam(name)
  const find = async (params: Props['params']) => {
    const values = await params
    return findListingPage(name, key && values[key], later ? values.page : undefined)
  }
  return {
    generateStaticParams: () =>
      listingPagesToPrerender(name, later).map((found) => ({
        ...(key && found.key ? { [key]: found.key } : {}),
        ...(found.page ? { page: found.page } : {}),
      })),
    generateMetadata: async ({ params }: Props): Promise<Metadata> => {
      const found = await find(params)
      return found ? pageMetadata(listingPageTitle(found)) : {}
    },
    Page: async function ListingPage({ params }: Props) {
      const found = (await find(params)) ?? notFound()
      return render ? render(found) : <ListingView found={found} />
    },
  }
}
