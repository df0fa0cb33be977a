/**
 * Languages: tags and their direction, the interface dictionaries (en-GB and
 * cy complete, others falling back to English), plural messages, and dates
 * and numbers in a document's language. Imports nothing of the site: callers
 * pass the language (the site's, from lib/config, or a document's).
 * docs/languages.md explains the design.
 */
export {
  DICTIONARIES,
  FALLBACK_LANGUAGE,
  dictionaryFor,
  dictionaryForDocument,
  hasDictionary,
  languagesWithoutDictionary,
  missingDictionaryWarning,
  warnMissingDictionaries,
} from './dictionary'
export type { Dictionary } from './dictionary-types'
export { formatDateIn, formatMonthIn } from './dates'
export {
  LanguageTagError,
  canonicalLanguageTag,
  isLanguageTag,
  languageName,
  languageScript,
  nativeLanguageName,
  primaryLanguage,
  sameLanguage,
  textDirection,
  type TextDirection,
} from './languages'
export { format, formatNumber, interpolate, plural, pluralCategories, type MessageValues, type Plural, type PluralCategory } from './messages'
export { duplicateTranslations, listingChoice, oneOfEachTranslation, translationGroups, translationsOf, type Translatable } from './translations'
