// Runs before first paint (a blocking script in <head>) so a chosen theme never flashes.
;(function () {
  var root = document.documentElement
  root.classList.add('js')
  try {
    // app/layout.tsx names the storage key on this script's own tag (lib/preferences/theme.ts).
    var stored = localStorage.getItem(document.currentScript.dataset.storageKey)
    if (stored === 'light' || stored === 'dark') root.dataset.theme = stored
  } catch {
    // Storage can be blocked; the system preference still applies through CSS.
  }
})()
