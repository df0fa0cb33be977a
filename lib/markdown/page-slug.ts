/**
 * Where a page lives: `content/pages/<slug>.mdx` (or `<slug>/index.mdx`) is
 * served at `/<slug>`, and a file in a folder is a child page below its parent
 * (`pages/services/contact.mdx` is `/services/contact`), as WordPress nested
 * them. The content build fails on a page that cannot be served.
 */
import { RESERVED_TOP_LEVEL_SEGMENTS } from '../routes'
import { isValidPostSlug } from './slug'

/** `pages/services/contact.mdx` → `services/contact`; `pages/about/index.mdx` → `about`. */
export function pageSlugFromPath(sourceFilePath: string): string {
  return sourceFilePath
    .replace(/^pages\//, '')
    .replace(/\.mdx?$/, '')
    .replace(/(^|\/)index$/, '')
}

/** Why a page slug cannot be served, or undefined when it can. */
export function pageSlugProblem(slug: string): string | undefined {
  if (slug === '') return 'must not be empty: the home page lists the posts and is not a page'
  const segments = slug.split('/')
  if (slug.length > 200 || !segments.every(isValidPostSlug)) {
    return 'must be lower-case letters, digits and hyphens (folders for child pages)'
  }
  if (RESERVED_TOP_LEVEL_SEGMENTS.includes(segments[0])) {
    return `must not be "${segments[0]}": the site already serves /${segments[0]}`
  }
  return undefined
}

export function isServablePageSlug(slug: string): boolean {
  return pageSlugProblem(slug) === undefined
}
