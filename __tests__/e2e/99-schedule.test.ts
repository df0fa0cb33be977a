import assert from 'node:assert/strict'
import { test } from 'node:test'
import { get } from './helpers'

const liveAt = new Date(process.env.E2E_LIVE_AT ?? '')

// Runs last: the harness dated this post a little after the build, so the server
// started before it was due and must publish it on its date with no rebuild.
test('a scheduled post goes live on its date without a rebuild', { timeout: 300_000 }, async () => {
  assert.ok(!Number.isNaN(liveAt.getTime()), 'E2E_LIVE_AT is set by the harness')
  const wait = liveAt.getTime() - Date.now() + 1000
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
  const { status, text } = await get('/posts/goes-live-soon')
  assert.equal(status, 200)
  assert.match(text, /sandpipergoeslive/)
  // Its Open Graph card too: nothing asked for it while scheduled, so no cached 404 stands in the way.
  const card = await fetch(new URL('/og/posts/goes-live-soon', process.env.BASE_URL))
  assert.equal(card.status, 200)
  assert.equal(card.headers.get('content-type'), 'image/png')
})
