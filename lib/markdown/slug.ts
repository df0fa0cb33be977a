import GithubSlugger, { slug as githubSlug } from 'github-slugger'

/** The one slug function: tags, headings and imported posts all use it. */
export function slugify(text: string): string {
  return githubSlug(text.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
}

/** Matches the ids rehype-slug gives headings (both use github-slugger). */
export function headingSlugger(): { slug: (text: string) => string } {
  const slugger = new GithubSlugger()
  return { slug: (text: string) => slugger.slug(text) }
}

/** A post slug is the file name: lower-case letters, digits and single hyphens. */
export const POST_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export function isValidPostSlug(slug: string): boolean {
  return slug.length <= 200 && POST_SLUG_PATTERN.test(slug)
}
