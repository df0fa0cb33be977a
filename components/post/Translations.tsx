import { Link } from '@/components/Link'
import { hasDictionary, dictionaryFor, nativeLanguageName, textDirection } from '@/lib/i18n'

export type TranslationLink = { lang: string; url: string }

/**
 * Links to a document's translations, each written in its target's language
 * ("Darllenwch yn Gymraeg", "Read in English"), so a reader finds the version
 * they can read; a language without a dictionary is named in its own words.
 */
export function Translations({ translations }: { translations: readonly TranslationLink[] }) {
  if (translations.length === 0) return null
  return (
    <ul className="translations">
      {translations.map(({ lang, url }) => (
        <li key={lang}>
          <Link href={url} lang={lang} hrefLang={lang} dir={textDirection(lang)}>
            {hasDictionary(lang) ? dictionaryFor(lang).post.readInThisLanguage : nativeLanguageName(lang)}
          </Link>
        </li>
      ))}
    </ul>
  )
}
