import Link from 'next/link'
import { site } from '@/lib/site'
import { ShortcutPreference } from './ShortcutPreference'

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="site-footer-inner">
        <ul>
          <li>
            <Link prefetch={false} href="/feed.xml">RSS feed</Link>
          </li>
          <li>
            <Link prefetch={false} href="/atom.xml">Atom feed</Link>
          </li>
          <li>
            <Link prefetch={false} href="/feed.json">JSON feed</Link>
          </li>
          <li>
            <Link prefetch={false} href="/archive">Archive</Link>
          </li>
        </ul>
        <ShortcutPreference />
        <p className="meta">{site.name} · Built with Sandbank</p>
      </div>
    </footer>
  )
}
