import NextLink from 'next/link'
import type { ComponentProps } from 'react'

/**
 * A link that does not prefetch. Readers on slow or metered connections fetch
 * only the pages they open; every internal link in the site goes through here.
 */
export function Link(props: Omit<ComponentProps<typeof NextLink>, 'prefetch'>) {
  return <NextLink prefetch={false} {...props} />
}
