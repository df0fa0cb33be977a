import Link from 'next/link'
import { site } from '@/lib/site'
import { AuthStatus } from './AuthStatus'
import { HeaderSearch } from './HeaderSearch'
import { SearchShortcut } from './SearchShortcut'
import { ThemeToggle } from './ThemeToggle'

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
            <li>
              <Link prefetch={false} href="/">Posts</Link>
            </li>
            <li>
              <Link prefetch={false} href="/tags">Tags</Link>
            </li>
            <li>
              <Link prefetch={false} href="/archive">Archive</Link>
            </li>
            <li>
              <Link prefetch={false} href="/about">About</Link>
            </li>
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
