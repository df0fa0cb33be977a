/**
 * Whether the single-key `/` shortcut is on. WCAG 2.2 (2.1.4, Character Key
 * Shortcuts) requires a way to turn such a shortcut off; readers do that in
 * the footer, and the choice is kept in this browser only.
 */
import { changeNotifier } from './notifier'

const STORAGE_KEY = 'search-shortcut'

const shortcutChanges = changeNotifier()
export const subscribeToSearchShortcut = shortcutChanges.subscribe

/** The choice made on this page, for when storage is blocked. */
let pageChoice: boolean | undefined

export function isSearchShortcutOn(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'off'
  } catch {
    return pageChoice ?? true
  }
}

export function setSearchShortcut(on: boolean): void {
  pageChoice = on
  try {
    localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off')
  } catch {
    // Without storage the choice lasts for this page only.
  }
  shortcutChanges.notify()
}
