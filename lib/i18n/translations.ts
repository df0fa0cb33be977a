/**
 * Translations: documents sharing a `translationKey` are one text in several
 * languages. Each names the others (hreflang), and a listing shows one of
 * them. docs/languages.md states the rule.
 */
import { canonicalLanguageTag, sameLanguage } from './languages'

export type Translatable = { lang: string; translationKey?: string }

/** The documents that share a key, by key; documents without one are not translations of anything. */
export function translationGroups<T extends Translatable>(documents: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const document of documents) {
    if (!document.translationKey) continue
    const group = groups.get(document.translationKey)
    if (group) group.push(document)
    else groups.set(document.translationKey, [document])
  }
  return groups
}

/** A document's translations, itself first, each language once: what its `hreflang` links and the sitemap name. */
export function translationsOf<T extends Translatable>(document: T, groups: ReadonlyMap<string, readonly T[]>): T[] {
  if (!document.translationKey) return [document]
  const group = groups.get(document.translationKey) ?? []
  return [document, ...group.filter((other) => other !== document)]
}

/**
 * The one document of a group a listing shows: the one in the site's
 * language (its exact tag first, then the same language in another region),
 * else the group's first in listing order (the newest, as listings are sorted).
 */
export function listingChoice<T extends Translatable>(group: readonly T[], siteLanguage: string): T {
  const site = canonicalLanguageTag(siteLanguage)
  return group.find((document) => document.lang === site) ?? group.find((document) => sameLanguage(document.lang, site)) ?? group[0]
}

/**
 * A listing's documents, in the order given, with each group of translations
 * shown once (by `listingChoice`), where its chosen document stands: never
 * two twins side by side.
 */
export function oneOfEachTranslation<T extends Translatable>(documents: readonly T[], siteLanguage: string): T[] {
  const groups = translationGroups(documents)
  const chosen = new Set<T>()
  for (const group of groups.values()) chosen.add(listingChoice(group, siteLanguage))
  return documents.filter((document) => !document.translationKey || chosen.has(document))
}

/** Two documents of one group in the same language: the content build fails on these, naming both files. */
export function duplicateTranslations<T extends Translatable>(documents: readonly T[]): [T, T][] {
  const duplicates: [T, T][] = []
  for (const group of translationGroups(documents).values()) {
    const byLanguage = new Map<string, T>()
    for (const document of group) {
      const language = canonicalLanguageTag(document.lang)
      const first = byLanguage.get(language)
      if (first) duplicates.push([first, document])
      else byLanguage.set(language, document)
    }
  }
  return duplicates
}
