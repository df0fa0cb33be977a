/** MDX: the components posts may use and how compiled MDX renders on a page. Feeds' HTML comes from ./html.tsx, in the content build. */
export { mdxComponents, type ImageContext, type PageData, type PostWithoutAlt } from './components'
export { MdxContent, PostBody } from './MdxContent'
export { Picture, RemoteImage } from './Picture'
