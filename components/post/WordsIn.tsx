import type { ReactNode } from 'react'
import { sameLanguage, textDirection } from '@/lib/i18n'

/**
 * Interface words inside a document in another language: marked with their
 * own language and direction when the document's language has no dictionary
 * and they fall back to the site's (WCAG 3.1.2), and left bare when they match.
 */
export function WordsIn({ language, documentLanguage, children }: { language: string; documentLanguage: string; children: ReactNode }) {
  if (sameLanguage(language, documentLanguage)) return <>{children}</>
  return (
    <span lang={language} dir={textDirection(language)}>
      {children}
    </span>
  )
}
