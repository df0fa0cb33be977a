'use client'

import { useSyncExternalStore } from 'react'
import { chooseTheme, currentTheme, subscribeToTheme } from '@/lib/preferences'

/** Unknown until the page is in a browser; the server renders the toggle unpressed. */
const noThemeOnServer = () => null

/** Hidden until JavaScript runs (see public/theme.js); without it the system theme applies. */
/** `label`: the site's words for "Dark mode" (lib/config's siteWords), passed from the server. */
export function ThemeToggle({ label }: { label: string }) {
  const theme = useSyncExternalStore(subscribeToTheme, currentTheme, noThemeOnServer)

  function toggle() {
    chooseTheme(currentTheme() === 'dark' ? 'light' : 'dark')
  }

  return (
    <button type="button" className="button theme-toggle" aria-pressed={theme === 'dark'} onClick={toggle}>
      {label}
    </button>
  )
}
