import { site } from '@/lib/config'
import { dictionaryForDocument, formatDateIn, plural } from '@/lib/i18n'
import { WordsIn } from './WordsIn'

/** A post's dates in its own language (Intl), and its reading time in its language's words, or the site's where it has none. */
export function PostMeta({ date, updated, readingMinutes, lang }: { date: string; updated?: string; readingMinutes: number; lang: string }) {
  const words = dictionaryForDocument(lang, site.language)
  return (
    <p className="meta">
      <time dateTime={date}>{formatDateIn(date, lang)}</time>
      {updated ? (
        <>
          {' · '}
          <WordsIn language={words.language} documentLanguage={lang}>
            {words.dates.updated}
          </WordsIn>{' '}
          <time dateTime={updated}>{formatDateIn(updated, lang)}</time>
        </>
      ) : null}
      {' · '}
      <WordsIn language={words.language} documentLanguage={lang}>
        {plural(words.dates.readingTime, readingMinutes, words.language)}
      </WordsIn>
    </p>
  )
}
