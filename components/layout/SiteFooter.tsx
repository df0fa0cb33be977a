import type { ReactNode } from 'react'
import { Link } from '@/components/Link'
import { ShortcutPreference } from '@/components/search/ShortcutPreference'
import { site, siteWords } from '@/lib/config'
import { ACCESSIBILITY_STATEMENT_SLUG, getPublishedPage } from '@/lib/content/server'
import { interpolate } from '@/lib/i18n'
import { ARCHIVE, FEEDS, contentPageUrl } from '@/lib/routes'

/** "Press / to search: on.", with the key as a <kbd>, in the site's words. */
function shortcutState(state: string): ReactNode {
  return interpolate(siteWords.frame.shortcutState, { key: <kbd key="key">/</kbd>, state })
}

export function SiteFooter() {
  const words = siteWords.frame
  const statement = getPublishedPage(ACCESSIBILITY_STATEMENT_SLUG)
  return (
    <footer className="site-footer">
      <div className="site-footer-inner">
        <ul>
          <li>
            <Link href={FEEDS.rss}>{words.rssFeed}</Link>
          </li>
          <li>
            <Link href={FEEDS.atom}>{words.atomFeed}</Link>
          </li>
          <li>
            <Link href={FEEDS.json}>{words.jsonFeed}</Link>
          </li>
          <li>
            <Link href={ARCHIVE}>{words.archive}</Link>
          </li>
          {statement ? (
            <li>
              <Link href={contentPageUrl(statement)}>{statement.title}</Link>
            </li>
          ) : null}
        </ul>
        <ShortcutPreference
          words={{
            stateOn: shortcutState(words.shortcutOn),
            stateOff: shortcutState(words.shortcutOff),
            turnOff: words.turnShortcutOff,
            turnOn: words.turnShortcutOn,
          }}
        />
        <p className="meta">
          {site.name} · {words.builtWith}
        </p>
      </div>
    </footer>
  )
}
