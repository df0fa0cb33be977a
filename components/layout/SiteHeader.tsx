import { AuthStatus } from '@/components/auth/AuthStatus'
import { Link } from '@/components/Link'
import { HeaderSearch } from '@/components/search'
import { SearchShortcut } from '@/components/search/SearchShortcut'
import { SIGNED_IN_HINT_COOKIE } from '@/lib/auth'
import { site, siteWords } from '@/lib/config'
import { getNavigationPages } from '@/lib/content/server'
import { ARCHIVE, HOME, TAGS } from '@/lib/routes'
import { ThemeToggle } from './ThemeToggle'

const words = siteWords.frame

/** Always there; published pages with a `nav` number follow, in that order. */
const FIXED_NAVIGATION = [
  { href: HOME, label: words.posts },
  { href: TAGS, label: words.tags },
  { href: ARCHIVE, label: words.archive },
]

export function SiteHeader() {
  return (
    <header className="site-header">
      <a href="#main-content" className="skip-link">
        {words.skipToContent}
      </a>
      <div className="site-header-inner">
        <Link href={HOME} className="site-name">
          {site.name}
        </Link>
        <nav aria-label={words.mainNavigation} className="site-nav">
          <ul>
            {[...FIXED_NAVIGATION, ...getNavigationPages()].map(({ href, label }) => (
              <li key={href}>
                <Link href={href}>{label}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-tools">
          <HeaderSearch />
          <SearchShortcut />
          <ThemeToggle label={words.darkMode} />
        </div>
        <AuthStatus hintCookie={SIGNED_IN_HINT_COOKIE} words={{ signedInAs: words.signedInAs, drafts: words.drafts, signOut: words.signOut }} />
      </div>
    </header>
  )
}
