import { AuthStatus } from '@/components/auth/AuthStatus'
import { Link } from '@/components/Link'
import { HeaderSearch } from '@/components/search'
import { SearchShortcut } from '@/components/search/SearchShortcut'
import { SIGNED_IN_HINT_COOKIE } from '@/lib/auth'
import { site } from '@/lib/config'
import { getNavigationPages } from '@/lib/content/server'
import { ARCHIVE, HOME, TAGS } from '@/lib/routes'
import { ThemeToggle } from './ThemeToggle'

/** Always there; published pages with a `nav` number follow, in that order. */
const FIXED_NAVIGATION = [
  { href: HOME, label: 'Posts' },
  { href: TAGS, label: 'Tags' },
  { href: ARCHIVE, label: 'Archive' },
]

export function SiteHeader() {
  return (
    <header className="site-header">
      <a href="#main-content" className="skip-link">
        Skip to main content
      </a>
      <div className="site-header-inner">
        <Link href={HOME} className="site-name">
          {site.name}
        </Link>
        <nav aria-label="Main" className="site-nav">
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
          <ThemeToggle />
        </div>
        <AuthStatus hintCookie={SIGNED_IN_HINT_COOKIE} />
      </div>
    </header>
  )
}
