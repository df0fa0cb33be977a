/** Open Graph cards: their size, their versions and their fingerprinted URLs, for page metadata. The renderer is in ./server.ts. */
export { OG_HEIGHT, OG_WIDTH } from './layout'
export { pageOgImagePath, postOgImagePath, siteOgImagePath } from './urls'
export { pageCardVersion, postVersion } from './version'
