'use client'

import { useSyncExternalStore } from 'react'
import { chooseTheme, currentTheme, subscribeToTheme } from '@/lib/preferences'

/** Unknown until the page is in a browser; the server renders the toggle unpressed. */
const noThemeOnServer = () => null

/** Hidden until JavaScript runs (see public/theme.js); without it the system theme applies. */
export function ThemeToggle() {
  const theme = useSyncExternalStore(subscribeToTheme, currentTheme, noThemeOnServer)

  function toggle() {
    chooseTheme(currentTheme() === 'dark' ? 'light' : 'dark')
  }

  return (
    <button type="button" className="button theme-toggle" aria-pressed={theme === 'dark'} onClick={toggle}>
      Dark mode
    </button>
  )
}
