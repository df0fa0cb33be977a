import assert from 'node:assert/strict'
import { test } from 'node:test'
import { newPage, url, suiteBrowser } from './helpers'

const browser = suiteBrowser()

/** Every script a page loads, by path, once it has settled. */
async function scriptsLoadedBy(pathname: string): Promise<Set<string>> {
  const page = await newPage(browser())
  const scripts = new Set<string>()
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.add(new URL(request.url()).pathname)
  })
  await page.goto(url(pathname), { waitUntil: 'load' })
  // Give late, script-initiated loads a moment to start.
  await page.waitForTimeout(1000)
  await page.context().close()
  return scripts
}

test('post pages and pages load no script that the 404 page does not (no JavaScript of their own)', async () => {
  const baseline = await scriptsLoadedBy('/no-such-page')
  assert.ok(baseline.size > 0, 'the 404 page loads the framework and header islands')
  for (const pathname of ['/posts/shifting-digital-sands', '/posts/localgovdigital-a-day-with-gdsteam', '/about', '/accessibility']) {
    const extra = [...(await scriptsLoadedBy(pathname))].filter((script) => !baseline.has(script))
    assert.deepEqual(extra, [], `${pathname} loads scripts of its own`)
  }
})
