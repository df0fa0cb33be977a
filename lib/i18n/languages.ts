/**
 * Language tags (BCP 47): checking and canonicalising them, which way a
 * language is written, and what a language is called. Everything here comes
 * from Intl, so it knows every language the runtime's ICU data knows.
 */

export type TextDirection = 'ltr' | 'rtl'

/**
 * Scripts written right to left (ISO 15924 codes). A language's script comes
 * from its tag (`pa-Arab`) or, when the tag names none, from CLDR's likely
 * subtags (`fa` → Arab, `ur` → Arab, `yi` → Hebr), through `Intl.Locale#maximize`.
 * ICU's own `textInfo` is not used: it answers "ltr" for locales it has no
 * data for, such as Divehi (`dv`, Thaana) and Arabic-script Azerbaijani or Malay.
 */
const RTL_SCRIPTS = new Set([
  'Adlm',
  'Arab',
  'Aran',
  'Armi',
  'Avst',
  'Chrs',
  'Elym',
  'Hatr',
  'Hebr',
  'Hung',
  'Khar',
  'Lydi',
  'Mand',
  'Mani',
  'Mend',
  'Merc',
  'Mero',
  'Narb',
  'Nbat',
  'Nkoo',
  'Orkh',
  'Ougr',
  'Palm',
  'Phli',
  'Phlp',
  'Phnx',
  'Prti',
  'Rohg',
  'Samr',
  'Sarb',
  'Sogd',
  'Sogo',
  'Syrc',
  'Thaa',
  'Yezi',
])

export class LanguageTagError extends Error {
  constructor(tag: string) {
    super(`"${tag}" is not a BCP 47 language tag (such as en-GB, cy, fa or zh-Hans)`)
    this.name = 'LanguageTagError'
  }
}

/** The canonical form of a tag (`EN-gb` → `en-GB`, `iw` → `he`); throws LanguageTagError for anything else. */
export function canonicalLanguageTag(tag: string): string {
  const trimmed = tag.trim()
  // A two- or three-letter language, then script, region and variants. Intl would also take
  // extensions and private use (`en-u-ca-islamic`, `x-…`); a page's language needs neither.
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(trimmed)) throw new LanguageTagError(tag)
  try {
    return Intl.getCanonicalLocales(trimmed)[0]
  } catch {
    throw new LanguageTagError(tag)
  }
}

export function isLanguageTag(tag: string): boolean {
  try {
    canonicalLanguageTag(tag)
    return true
  } catch {
    return false
  }
}

/** The language subtag alone: `cy-GB` → `cy`. */
export function primaryLanguage(tag: string): string {
  return new Intl.Locale(tag).language
}

/** The script a language is written in, as named or as likely (`zh-TW` → Hant, `ja` → Jpan). */
export function languageScript(tag: string): string | undefined {
  return new Intl.Locale(tag).maximize().script
}

export function textDirection(tag: string): TextDirection {
  const script = languageScript(tag)
  return script !== undefined && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr'
}

/** Whether two tags name the same language, whatever their regions: `en-GB` and `en-US`, not `en` and `cy`. */
export function sameLanguage(a: string, b: string): boolean {
  return primaryLanguage(a) === primaryLanguage(b)
}

/** A language's name in its own language ("Cymraeg", "فارسی"), for links a reader of that language should recognise. */
export function nativeLanguageName(tag: string): string {
  return languageName(tag, tag)
}

/** A language's name in another ("Welsh" in en-GB, "Saesneg" in cy). */
export function languageName(tag: string, inLanguage: string): string {
  const name = new Intl.DisplayNames([inLanguage], { type: 'language', languageDisplay: 'dialect' }).of(tag) ?? tag
  // Display names follow the language's own capitalisation in running text ("français"); a label starts a sentence.
  return name.charAt(0).toLocaleUpperCase(inLanguage) + name.slice(1)
}
