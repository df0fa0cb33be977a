import { getMDXComponent } from 'mdx-bundler/client/react.js'
import { renderToStaticMarkup } from 'react-dom/server'
import { mdxComponents } from '../components/mdx-components'

/**
 * Compiled MDX to HTML with the same components the pages use. Runs in the
 * Contentlayer build (Next forbids react-dom/server in the app), so feeds get
 * full HTML without a second Markdown pipeline.
 */
export function renderMdxToHtml(code: string): string {
  const Content = getMDXComponent(code)
  return renderToStaticMarkup(<Content components={mdxComponents} />)
}
