'use client'

import { useEffect } from 'react'
import { isSearchShortcutOn } from '@/lib/preferences'

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/**
 * `/` jumps to search from anywhere, as on many sites, unless the reader is
 * typing. On the search page it picks that page's box over the header's.
 * Readers can turn it off in the footer (./ShortcutPreference.tsx).
 */
export function SearchShortcut() {
  useEffect(() => {
    function onKeyDown(event: globalThis.KeyboardEvent) {
      if (
        event.key !== '/' ||
        !isSearchShortcutOn() ||
        event.ctrlKey ||
        event.metaKey ||
        event.altKey ||
        event.defaultPrevented ||
        isTyping(event.target)
      )
        return
      const box = document.getElementById('search-query') ?? document.getElementById('site-search')
      if (!(box instanceof HTMLInputElement)) return
      event.preventDefault()
      box.focus()
      box.select()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])
  return null
}
