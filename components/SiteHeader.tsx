import Link from 'next/link'
import { site } from '@/lib/site'
import { AuthStatus } from './AuthStatus'
import { HeaderSearch } from './HeaderSearch'
import { SearchShortcut } from './SearchShortcut'
import { ThemeToggle } from './ThemeToggle'

const NAVIGATION = [
  { href: '/', label: 'Posts' },
  { href: '/tags', label: 'Tags' },
  { href: '/archive', label: 'Archive' },
  { href: '/about', label: 'About' },
]

export function SiteHeader() {
  return (
    <header className="site-header">
      <a href="#main-content" className="skip-link">
        Skip to main content
      </a>
      <div className="site-header-inner">
        <Link prefetch={false} href="/" className="site-name">
          {site.name}
        </Link>
        <nav aria-label="Main" className="site-nav">
          <ul>
            {NAVIGATION.map(({ href, label }) => (
              <li key={href}>
                <Link prefetch={false} href={href}>
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-tools">
          <HeaderSearch />
          <SearchShortcut />
          <ThemeToggle />
        </div>
        <AuthStatus />
      </div>
    </header>
  )
}
