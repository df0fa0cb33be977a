'use client'

import { useSyncExternalStore } from 'react'
import { isSearchShortcutOn, setSearchShortcut, subscribeToSearchShortcut } from '@/lib/preferences'

/** On until the page is in a browser that says otherwise. */
const onByDefault = () => true

/** The off switch for the `/` search shortcut; shown only when JavaScript runs, as the shortcut needs it. */
export function ShortcutPreference() {
  const on = useSyncExternalStore(subscribeToSearchShortcut, isSearchShortcutOn, onByDefault)
  function toggle() {
    setSearchShortcut(!on)
  }
  return (
    <p className="js-only shortcut-preference">
      Press <kbd>/</kbd> to search: {on ? 'on' : 'off'}.{' '}
      <button type="button" className="link-button" onClick={toggle}>
        {on ? 'Turn off the / shortcut' : 'Turn on the / shortcut'}
      </button>
    </p>
  )
}
