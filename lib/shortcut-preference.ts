/**
 * Whether the single-key `/` shortcut is on. WCAG 2.2 (2.1.4, Character Key
 * Shortcuts) requires a way to turn such a shortcut off; readers do that in
 * the footer, and the choice is kept in this browser only.
 */
const STORAGE_KEY = 'search-shortcut'

export function isSearchShortcutOn(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'off'
  } catch {
    return true
  }
}

export function setSearchShortcut(on: boolean): void {
  try {
    localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off')
  } catch {
    // Without storage the choice lasts for this page only.
  }
}
