import { renderToStaticMarkup } from 'react-dom/server'
import type { ImageContext } from './components'
import { MdxContent } from './MdxContent'

/**
 * Compiled MDX to HTML with the same components the pages use. Runs in the
 * Contentlayer build (Next forbids react-dom/server in the app, so this file
 * is reached directly, not through ./index.ts), so feeds get full HTML
 * without a second Markdown pipeline.
 */
export function renderMdxToHtml(code: string, images?: ImageContext): string {
  return renderToStaticMarkup(<MdxContent code={code} images={images} />)
}
