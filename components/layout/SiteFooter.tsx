import { Link } from '@/components/Link'
import { ShortcutPreference } from '@/components/search/ShortcutPreference'
import { site } from '@/lib/config'
import { ACCESSIBILITY_STATEMENT_SLUG, getPublishedPage } from '@/lib/content/server'
import { ARCHIVE, FEEDS, contentPageUrl } from '@/lib/routes'

export function SiteFooter() {
  const statement = getPublishedPage(ACCESSIBILITY_STATEMENT_SLUG)
  return (
    <footer className="site-footer">
      <div className="site-footer-inner">
        <ul>
          <li>
            <Link href={FEEDS.rss}>RSS feed</Link>
          </li>
          <li>
            <Link href={FEEDS.atom}>Atom feed</Link>
          </li>
          <li>
            <Link href={FEEDS.json}>JSON feed</Link>
          </li>
          <li>
            <Link href={ARCHIVE}>Archive</Link>
          </li>
          {statement ? (
            <li>
              <Link href={contentPageUrl(statement)}>{statement.title}</Link>
            </li>
          ) : null}
        </ul>
        <ShortcutPreference />
        <p className="meta">{site.name} · Built with Sandbank</p>
      </div>
    </footer>
  )
}
