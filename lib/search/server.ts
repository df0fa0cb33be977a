/** Search over the published posts, one index per server process. Server-only: it reads content. */
import 'server-only'

export { publishedSearchIndex, searchPublishedPosts } from './published'
