/**
 * A page (About, the accessibility statement): no date or tags, so not in
 * feeds or listings; in the sitemap, search and (with `nav`) the header.
 * A page in a folder is a child page: `pages/services/contact.mdx` is /services/contact.
 */
import { pageSlugProblem } from '../markdown'
import { PAGE_ROUTES } from '../routes'
import { COMMON_FIELDS } from './fields'
import { defineDocumentKind, type RecordOf } from './kind'

export const page = defineDocumentKind({
  name: 'Page',
  type: 'page',
  folder: 'pages',
  fields: {
    ...COMMON_FIELDS,
    nav: { type: 'number', required: false, description: 'Position in the header navigation; pages without it are not in it' },
  },
  nested: true,
  slugProblem: pageSlugProblem,
  routes: PAGE_ROUTES,
  order: 'by slug',
  sitemap: true,
  feed: false,
  shareable: false,
  readingTime: false,
  pictures: false,
})

/** A page as the navigation, the sitemap and its route see it. A page has no date: only `draft` holds it back. */
export type Page = RecordOf<typeof page>
