/** The card renderer, for the card routes only: it reads the fonts and the stylesheet when loaded. */
import 'server-only'

export { OG_CACHE_CONTROL, renderPageCard, renderPostCard, renderSiteCard } from './render'
