/** The card renderer, for the card routes only: it reads the fonts and the stylesheet when loaded. */
import 'server-only'

export { OG_CACHE_CONTROL, postCardLayout, renderPageCard, renderPostCard, renderSiteCard } from './render'
export { scriptFontBytesRead } from './script-fonts'
export { CARD } from './layout'
