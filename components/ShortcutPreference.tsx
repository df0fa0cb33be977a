'use client'

import { useEffect, useState } from 'react'
import { isSearchShortcutOn, setSearchShortcut } from '@/lib/shortcut-preference'

/** The off switch for the `/` search shortcut; shown only when JavaScript runs, as the shortcut needs it. */
export function ShortcutPreference() {
  const [on, setOn] = useState(true)
  useEffect(() => setOn(isSearchShortcutOn()), [])
  function toggle() {
    setSearchShortcut(!on)
    setOn(!on)
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
