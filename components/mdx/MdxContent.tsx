import { getMDXComponent } from 'mdx-bundler/client/react.js'
import { mdxComponents, type ImageContext, type PageData } from './components'

/** Compiled MDX with the components posts may use, bound to the post's pictures: the one rendering both pages and feeds (./html.tsx) use. */
export function MdxContent({ code, images, data }: { code: string; images?: ImageContext; data?: PageData }) {
  const Content = getMDXComponent(code)
  // The component is the post itself, compiled; it renders once (on the server, or into a feed) and holds no state to lose.
  // eslint-disable-next-line react-hooks/static-components
  return <Content components={mdxComponents(images, data)} />
}

/** A post's or an author's body on a page. A server component: the MDX code never reaches the browser. */
export function PostBody({ code, images, data }: { code: string; images?: ImageContext; data?: PageData }) {
  return (
    <div className="prose prose-slate dark:prose-invert max-w-none">
      <MdxContent code={code} images={images} data={data} />
    </div>
  )
}
