import anyAscii from 'any-ascii'
import { slugify } from '../markdown'

/**
 * A post slug (a file name, lib/markdown's `isValidPostSlug`) from any text:
 * every script is transliterated (`Επίπεδο 2` → `epipedo-2`, `Łódź` → `lodz`,
 * `东京` → `dongjing`), then slugified. Empty when nothing is left.
 */
export function asciiSlug(text: string): string {
  const slug = slugify(anyAscii(text))
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
  return slug.length > 200 ? slug.slice(0, 200).replace(/-[^-]*$/, '') : slug
}

/** WordPress keeps non-ASCII slugs percent-encoded (`%d9%86%d8%b1…`); undefined when that is not valid encoding. */
export function decodeSlug(slug: string): string | undefined {
  try {
    return decodeURIComponent(slug)
  } catch {
    return undefined
  }
}

/**
 * A tag slug made from a tag's name when WordPress's own slug is missing. It
 * keeps its script, as hand-written posts' tags do (`远征手记`, `кириллица`):
 * the site serves `/tags/<any script>`. Only Latin letters are folded to
 * ASCII, so `Łódź` and `Lodz` are one tag.
 */
export function tagSlug(name: string): string {
  // Bidi overrides and other invisible controls would leave stray hyphens; joiners (ZWNJ, ZWJ) are spelling.
  const visible = name.replace(/[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]+/g, '')
  return slugify(visible.replace(/\p{Script=Latin}+/gu, (latin) => anyAscii(latin))).replace(/^-+|-+$/g, '')
}
