/**
 * The reader's light or dark choice, kept in this browser. public/theme.js
 * applies it before first paint, reading the storage key from its own script
 * tag (app/layout.tsx writes it there from THEME_STORAGE_KEY).
 */
import { changeNotifier } from './notifier'

export const THEME_STORAGE_KEY = 'theme'

export type Theme = 'light' | 'dark'

const themeChanges = changeNotifier()
export const subscribeToTheme = themeChanges.subscribe

/** The theme in force: the one chosen, or the system's. */
export function currentTheme(): Theme {
  const chosen = document.documentElement.dataset.theme
  if (chosen === 'light' || chosen === 'dark') return chosen
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}

export function chooseTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme
  try {
    localStorage.setItem(THEME_STORAGE_KEY, theme)
  } catch {
    // The choice still applies to this page when storage is blocked.
  }
  themeChanges.notify()
}
