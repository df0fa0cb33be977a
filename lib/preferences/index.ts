/** Preferences a reader sets in this browser: light or dark, and the `/` search shortcut. Browser code, for client islands. */
export { isSearchShortcutOn, setSearchShortcut, subscribeToSearchShortcut } from './search-shortcut'
export { THEME_STORAGE_KEY, chooseTheme, currentTheme, subscribeToTheme, type Theme } from './theme'
