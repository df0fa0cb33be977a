/**
 * Which dictionary a language's pages use: its own, that of its language
 * without the region (`cy-GB` → `cy`, `en-US` → `en-GB`), or British English,
 * with a warning at build time (the content build calls `warnMissingDictionaries`).
 */
import type { Dictionary } from './dictionary-types'
import { cy } from './dictionaries/cy'
import { enGB } from './dictionaries/en-GB'
import { canonicalLanguageTag, primaryLanguage } from './languages'

export const FALLBACK_LANGUAGE = 'en-GB'

/** Every dictionary shipped, by its tag. A new language is a file in ./dictionaries and a line here. */
export const DICTIONARIES: Readonly<Record<string, Dictionary>> = { 'en-GB': enGB, cy }

const byPrimary = new Map(Object.values(DICTIONARIES).map((dictionary) => [primaryLanguage(dictionary.language), dictionary]))

function ownDictionary(tag: string): Dictionary | undefined {
  const canonical = canonicalLanguageTag(tag)
  return DICTIONARIES[canonical] ?? byPrimary.get(primaryLanguage(canonical))
}

export function hasDictionary(tag: string): boolean {
  return ownDictionary(tag) !== undefined
}

/** The interface words for pages in `tag`: English when the language has no dictionary of its own. */
export function dictionaryFor(tag: string): Dictionary {
  return ownDictionary(tag) ?? DICTIONARIES[FALLBACK_LANGUAGE]
}

/** The languages among `tags` whose pages fall back to English, each once. */
export function languagesWithoutDictionary(tags: Iterable<string>): string[] {
  return [...new Set([...tags].map(canonicalLanguageTag))].filter((tag) => !hasDictionary(tag)).sort()
}

export function missingDictionaryWarning(tag: string): string {
  return `Language "${tag}" has no interface dictionary (lib/i18n/dictionaries): its pages show the interface in English (${FALLBACK_LANGUAGE}). Content is not affected.`
}

/** Says, once per language, which languages of the site's documents fall back to English. */
export function warnMissingDictionaries(tags: Iterable<string>, warn: (message: string) => void = console.warn): string[] {
  const missing = languagesWithoutDictionary(tags)
  for (const tag of missing) warn(missingDictionaryWarning(tag))
  return missing
}

/** The interface words shown with a document: its language's, else the site's (which may itself fall back to English). */
export function dictionaryForDocument(documentLanguage: string, siteLanguage: string): Dictionary {
  return ownDictionary(documentLanguage) ?? dictionaryFor(siteLanguage)
}
