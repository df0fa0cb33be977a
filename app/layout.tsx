import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import { SiteFooter, SiteHeader } from '@/components/layout'
import { site } from '@/lib/config'
import { THEME_STORAGE_KEY } from '@/lib/preferences'
import { siteMetadata } from '@/lib/seo'
import './globals.css'

export const metadata: Metadata = siteMetadata()

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f3f2f1' },
    { media: '(prefers-color-scheme: dark)', color: '#1f2224' },
  ],
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={site.language} suppressHydrationWarning>
      <head>
        {/* Blocking on purpose: it sets the theme before first paint. */}
        {/* eslint-disable-next-line @next/next/no-sync-scripts */}
        <script src="/theme.js" data-storage-key={THEME_STORAGE_KEY} />
      </head>
      <body>
        <SiteHeader />
        <main id="main-content" className="site-main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  )
}
