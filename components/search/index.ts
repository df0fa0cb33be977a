/**
 * Search's server-rendered parts: the header form. The islands (the search
 * page's box, the `/` shortcut and its off switch) are imported by their own
 * files, so a page loads the JavaScript of only the islands it renders.
 */
export { HeaderSearch } from './HeaderSearch'
