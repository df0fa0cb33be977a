/** A page such as About or the accessibility statement. */
export { PageArticle } from './PageArticle'
