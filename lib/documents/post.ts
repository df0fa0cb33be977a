/** A post: dated, tagged, by an author, in feeds and listings, with pictures; scheduled by its date. */
import { isValidPostSlug } from '../markdown'
import { POST_ROUTES } from '../routes'
import { COMMON_FIELDS } from './fields'
import { defineDocumentKind, type RecordOf } from './kind'

export const post = defineDocumentKind({
  name: 'Post',
  type: 'post',
  folder: 'posts',
  fields: {
    ...COMMON_FIELDS,
    date: { type: 'date', required: true, description: 'Publication date; a future date schedules the post', search: 'listed' },
    tags: { type: 'list', default: [], item: 'tag', search: { boost: 2.5 } },
    author: { type: 'string', required: false, description: 'Author id: a file name in content/authors' },
    image: { type: 'string', required: false, description: 'Hero picture: a file beside the post (./cover.jpg) or under public/ (/images/x.jpg)' },
    imageAlt: { type: 'string', required: false, description: 'Alt text of the hero picture; required with "image"' },
    dateNote: { type: 'string', required: false, description: 'How the date was chosen, where the source did not fix it' },
  },
  // posts/<slug>.mdx, or a bundle posts/<slug>/index.mdx with its pictures beside it.
  nested: false,
  slugProblem: (slug) => (isValidPostSlug(slug) ? undefined : 'must be lower-case letters, digits and hyphens'),
  routes: POST_ROUTES,
  order: 'newest first',
  sitemap: true,
  feed: true,
  shareable: true,
  readingTime: true,
  pictures: true,
})

/**
 * A post as listings, tags, the archive, the sitemap, cards and the schedule
 * see it: a few hundred bytes, no body. With a local hero picture it holds the
 * hero's variants (cards, JSON-LD and the page draw it); the body holds the rest.
 */
export type Post = RecordOf<typeof post>
