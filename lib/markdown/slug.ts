import GithubSlugger, { slug as githubSlug } from 'github-slugger'

/** The one slug function: tags, headings and imported posts all use it. */
export function slugify(text: string): string {
  return githubSlug(foldAccents(text))
}

function foldAccents(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
}

/**
 * The slug an address segment names. Tag slugs keep letters of any script
 * (`远征手记`, `кириллица`); browsers send them percent-encoded, in either case
 * of hex digit, and a person may type a composed form of what slugify decomposed.
 * Undefined when the segment is not valid percent-encoding.
 */
export function slugFromSegment(segment: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(segment)
  } catch {
    return undefined
  }
  return foldAccents(decoded)
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
