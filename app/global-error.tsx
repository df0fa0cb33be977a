'use client'

/**
 * What a reader sees when the frame of every page fails (its header reads the
 * content store's navigation, so a server without its store fails here). It
 * replaces the root layout, so it draws the frame itself, with the site's
 * stylesheet and theme, and nothing that reads content. Next renders it in
 * the browser only, so it needs JavaScript; it offers only plain links.
 */
import { usePathname } from 'next/navigation'
import { THEME_STORAGE_KEY } from '@/lib/preferences'
import { HOME } from '@/lib/routes'
import './globals.css'

export default function SiteError({ error }: { error: Error & { digest?: string } }) {
  const pathname = usePathname()
  return (
    <html lang="en-GB">
      <head>
        <title>Sorry, there is a problem with this site</title>
        {/* eslint-disable-next-line @next/next/no-sync-scripts -- sets the theme before first paint, as app/layout.tsx does */}
        <script src="/theme.js" data-storage-key={THEME_STORAGE_KEY} />
      </head>
      <body>
        <header className="site-header">
          <a href="#main-content" className="skip-link">
            Skip to main content
          </a>
          <div className="site-header-inner">
            <a href={HOME} className="site-name">
              Home page
            </a>
          </div>
        </header>
        <main id="main-content" className="site-main" tabIndex={-1}>
          <h1>Sorry, there is a problem with this site</h1>
          <p>Something went wrong on our side, not yours. Nothing you entered has been lost.</p>
          <p>
            <a href={pathname}>Try the page again</a> in a few minutes, or go to the <a href={HOME}>home page</a>.
          </p>
          {error.digest ? <p className="meta">If you tell us about it, quote this reference: {error.digest}</p> : null}
        </main>
      </body>
    </html>
  )
}
