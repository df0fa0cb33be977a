// Runs before first paint (a blocking script in <head>) so a chosen theme never flashes.
;(function () {
  var root = document.documentElement
  root.classList.add('js')
  try {
    var stored = localStorage.getItem('theme')
    if (stored === 'light' || stored === 'dark') root.dataset.theme = stored
  } catch (e) {
    // Storage can be blocked; the system preference still applies through CSS.
  }
})()
