'use client'

import { useSyncExternalStore, type ReactNode } from 'react'
import { isSearchShortcutOn, setSearchShortcut, subscribeToSearchShortcut } from '@/lib/preferences'

/** On until the page is in a browser that says otherwise. */
const onByDefault = () => true

/** The off switch for the `/` search shortcut; shown only when JavaScript runs, as the shortcut needs it. */
/** The site's words for the switch (lib/config's siteWords), put together on the server: the sentence for each state, and each button. */
export type ShortcutWords = { stateOn: ReactNode; stateOff: ReactNode; turnOff: string; turnOn: string }

export function ShortcutPreference({ words }: { words: ShortcutWords }) {
  const on = useSyncExternalStore(subscribeToSearchShortcut, isSearchShortcutOn, onByDefault)
  function toggle() {
    setSearchShortcut(!on)
  }
  return (
    <p className="js-only shortcut-preference">
      {on ? words.stateOn : words.stateOff}{' '}
      <button type="button" className="link-button" onClick={toggle}>
        {on ? words.turnOff : words.turnOn}
      </button>
    </p>
  )
}
