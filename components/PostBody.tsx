import { getMDXComponent } from 'mdx-bundler/client/react.js'
import { mdxComponents } from './mdx-components'

/** Renders a post's compiled MDX. Server-only: the MDX code never reaches the browser. */
export function PostBody({ code }: { code: string }) {
  const Content = getMDXComponent(code)
  return (
    <div className="prose prose-slate dark:prose-invert max-w-none">
      <Content components={mdxComponents} />
    </div>
  )
}
