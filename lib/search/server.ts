/** Search over the published posts and pages, one index per server process. Server-only: it reads content. */
import 'server-only'

export { publishedSearchIndex, searchPublished } from './published'
