/** The frame of every page: the header (navigation, search form, theme toggle, signed-in note) and the footer. Its islands are on every page. */
export { SiteFooter } from './SiteFooter'
export { SiteHeader } from './SiteHeader'
