import assert from 'node:assert/strict'
import { before, describe, test } from 'node:test'
import { createShareToken } from '../../lib/auth'
import { CookieJar, authorCli, canaryMarkersIn, get, signIn } from './helpers'

const EMAIL = 'e2e.author@example.org'
/** A second author, used only to be locked out by the rate limit. */
const LOCKED_EMAIL = 'locked.author@example.org'
const PASSWORD = 'correct horse battery staple'

const author = new CookieJar()

before(async () => {
  const added = await authorCli(['add', EMAIL, '--name', 'E2E Author', '--password-stdin'], PASSWORD + '\n')
  assert.equal(added.status, 0, added.stderr)
  const second = await authorCli(['add', LOCKED_EMAIL, '--password-stdin'], PASSWORD)
  assert.equal(second.status, 0, second.stderr)
  const result = await signIn(author, EMAIL, PASSWORD)
  assert.equal(result.status, 200, JSON.stringify(result.body))
  assert.ok(author.has('session-token'), 'a session cookie was set')
})

describe('author CLI', () => {
  test('refuses a duplicate email and a weak password with a clear message', async () => {
    const duplicate = await authorCli(['add', EMAIL, '--password-stdin'], PASSWORD)
    assert.equal(duplicate.status, 1)
    assert.match(duplicate.stderr, /already exists/)
    const weak = await authorCli(['add', 'weak@example.org', '--password-stdin'], 'short')
    assert.equal(weak.status, 1)
    assert.match(weak.stderr, /at least 12 characters/)
    const list = await authorCli(['list'])
    assert.match(list.stdout, /e2e\.author@example\.org\tE2E Author/)
    assert.doesNotMatch(list.stdout, /scrypt|correct horse/)
  })
})

describe('signed-in authors', () => {
  test('the session cookie is HttpOnly and SameSite=Lax', async () => {
    const jar = new CookieJar()
    const { setCookies } = await signIn(jar, EMAIL, PASSWORD)
    const session = setCookies.find((cookie) => cookie.includes('session-token='))
    assert.ok(session)
    assert.match(session, /HttpOnly/i)
    assert.match(session, /SameSite=Lax/i)
  })

  test('/drafts lists every draft and scheduled post', async () => {
    const { status, text, headers } = await get('/drafts', { headers: { cookie: author.header() } })
    assert.equal(status, 200)
    assert.match(text, /Qzcanary draft title/)
    assert.match(text, /Qzcanary scheduled title/)
    assert.match(text, /<td>Draft<\/td>/)
    assert.match(text, /<td>Scheduled<\/td>/)
    assert.match(headers.get('x-robots-tag') ?? '', /noindex/)
  })

  test('/drafts/<slug> renders the post as readers will see it, with a banner, noindex and no-store', async () => {
    const { status, text, headers } = await get('/drafts/qzcanary-draft', { headers: { cookie: author.header() } })
    assert.equal(status, 200)
    assert.match(text, /<h1>Qzcanary draft title<\/h1>/)
    assert.match(text, /qzcanary secret text/)
    assert.match(text, /<strong>Draft<\/strong>/)
    assert.match(text, /<meta name="robots" content="noindex, nofollow"\/>/)
    assert.match(headers.get('x-robots-tag') ?? '', /noindex/)
    assert.match(headers.get('cache-control') ?? '', /private/)
    assert.match(headers.get('cache-control') ?? '', /no-store/)
    const scheduled = await get('/drafts/qzcanary-scheduled', { headers: { cookie: author.header() } })
    assert.match(scheduled.text, /Scheduled for 1 January 2099/)
  })

  test('GET /api/drafts answers JSON', async () => {
    const { status, text } = await get('/api/drafts', { headers: { cookie: author.header() } })
    assert.equal(status, 200)
    const { drafts } = JSON.parse(text) as { drafts: { type: string; slug: string; state: string; url: string }[] }
    const canaries = drafts.filter((d) => d.slug.startsWith('qzcanary'))
    assert.deepEqual(canaries.map((d) => [d.type, d.slug, d.state, d.url]).sort(), [
      ['page', 'qzcanary-page', 'draft', '/drafts/pages/qzcanary-page'],
      ['post', 'qzcanary-draft', 'draft', '/drafts/qzcanary-draft'],
      ['post', 'qzcanary-scheduled', 'scheduled', '/drafts/qzcanary-scheduled'],
    ])
  })

  test('a draft page is a 404 at its address, and signed-in authors preview it under /drafts/pages/', async () => {
    const hidden = await get('/qzcanary-page', { headers: { cookie: author.header() } })
    assert.equal(hidden.status, 404, 'not at its public address, even signed in')
    const { status, text, headers } = await get('/drafts/pages/qzcanary-page', { headers: { cookie: author.header() } })
    assert.equal(status, 200)
    assert.match(text, /<h1>Qzcanary page title<\/h1>/)
    assert.match(text, /qzcanary page text/)
    assert.match(text, /<strong>Draft<\/strong> – only signed-in authors can read this\./)
    assert.match(text, /<meta name="robots" content="noindex, nofollow"\/>/)
    assert.match(headers.get('cache-control') ?? '', /private, no-store/)
    const list = await get('/drafts', { headers: { cookie: author.header() } })
    assert.match(list.text, /<a href="\/drafts\/pages\/qzcanary-page">Qzcanary page title<\/a><\/td><td>Page<\/td>/)
    const published = await get('/drafts/pages/fixture-page/child', { headers: { cookie: author.header() } })
    assert.equal(published.status, 308)
    assert.equal(published.headers.get('location'), '/fixture-page/child')
    assert.equal((await get('/drafts/pages/no-such-page', { headers: { cookie: author.header() } })).status, 404)
  })

  test('a published slug under /drafts redirects to the post', async () => {
    const { status, headers } = await get('/drafts/shifting-digital-sands', { headers: { cookie: author.header() } })
    assert.equal(status, 308)
    assert.equal(headers.get('location'), '/posts/shifting-digital-sands')
  })
})

describe('anonymous visitors see nothing', () => {
  test('draft pages redirect to sign-in, with no draft data', async () => {
    for (const pathname of ['/drafts', '/drafts/qzcanary-draft', '/drafts/qzcanary-scheduled', '/drafts/pages/qzcanary-page']) {
      const { status, headers, text } = await get(pathname)
      assert.equal(status, 307, pathname)
      assert.match(headers.get('location') ?? '', /^\/signin\?callbackUrl=/)
      assert.deepEqual(canaryMarkersIn(text, pathname), [], pathname)
    }
  })

  test('the drafts API answers 401', async () => {
    const list = await get('/api/drafts')
    assert.equal(list.status, 401)
    assert.deepEqual(canaryMarkersIn(list.text, '/api/drafts'), [])
    const share = await get('/api/drafts/qzcanary-draft/share', { method: 'POST' })
    assert.equal(share.status, 401)
  })

  test('a wrong password does not sign in', async () => {
    const jar = new CookieJar()
    const result = await signIn(jar, EMAIL, 'not the password at all', { 'x-forwarded-for': '198.51.100.1' })
    assert.equal(result.status, 401)
    assert.match(result.body.url ?? '', /error=CredentialsSignin/)
    assert.ok(!jar.has('session-token'))
  })

  test('repeated failures get 429 without saying whether the email exists', async () => {
    const statuses: number[] = []
    const messages = new Set<string>()
    for (const email of [LOCKED_EMAIL, 'nobody@example.org']) {
      for (let attempt = 0; attempt < 6; attempt++) {
        const result = await signIn(new CookieJar(), email, 'wrong password guess', {
          'x-forwarded-for': `198.51.100.${email === LOCKED_EMAIL ? 2 : 3}`,
        })
        statuses.push(result.status)
        if (result.status === 429) messages.add(result.body.error ?? '')
      }
    }
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 401, 401, 401, 401, 401, 429])
    assert.equal(messages.size, 1, 'the same message for a known and an unknown email')
    // A correct password from a fresh address is refused too while the email is locked.
    const locked = await signIn(new CookieJar(), LOCKED_EMAIL, PASSWORD, { 'x-forwarded-for': '198.51.100.4' })
    assert.equal(locked.status, 429)
  })
})

describe('share links', () => {
  test('an author creates a link that lets a reviewer read one draft', async () => {
    const created = await get('/api/drafts/qzcanary-draft/share', { method: 'POST', headers: { cookie: author.header() } })
    assert.equal(created.status, 201)
    const { url, expiresAt } = JSON.parse(created.text) as { url: string; expiresAt: string }
    const days = (new Date(expiresAt).getTime() - Date.now()) / 86_400_000
    assert.ok(days > 6.9 && days <= 7, `valid for 7 days, got ${days}`)
    const reviewer = await get(url)
    assert.equal(reviewer.status, 200)
    assert.match(reviewer.text, /qzcanary secret text/)
    const otherUrl = url.replace('/drafts/qzcanary-draft', '/drafts/qzcanary-scheduled')
    const otherDraft = await get(otherUrl)
    assert.equal(otherDraft.status, 403, 'a link opens only its own draft')
    assert.deepEqual(canaryMarkersIn(otherDraft.text, otherUrl), [])
  })

  test('tampered and expired links get a 403 page with no draft data', async () => {
    const secret = process.env.NEXTAUTH_SECRET!
    const expired = createShareToken('qzcanary-draft', new Date(Date.now() - 1000), secret)
    const valid = createShareToken('qzcanary-draft', new Date(Date.now() + 60_000), secret)
    const tampered = valid.slice(0, -2) + (valid.endsWith('AA') ? 'BB' : 'AA')
    const longer = createShareToken('qzcanary-draft', new Date(Date.now() + 10 * 86_400_000), 'not-the-secret-'.repeat(3))
    for (const token of [expired, tampered, longer, 'garbage', '']) {
      const pathname = `/drafts/qzcanary-draft?share=${encodeURIComponent(token)}`
      const { status, text } = await get(pathname)
      assert.equal(status, 403, token)
      assert.match(text, /This preview link does not work/)
      assert.deepEqual(canaryMarkersIn(text, pathname), [], token)
    }
  })
})

describe('security headers', () => {
  test('every response carries them', async () => {
    for (const pathname of ['/', '/posts/shifting-digital-sands', '/feed.xml', '/api/drafts', '/no-such-page', '/signin']) {
      const { headers } = await get(pathname)
      const csp = headers.get('content-security-policy') ?? ''
      assert.match(csp, /default-src 'self'/, pathname)
      assert.match(csp, /frame-ancestors 'none'/, pathname)
      assert.match(csp, /object-src 'none'/, pathname)
      assert.equal(headers.get('x-content-type-options'), 'nosniff', pathname)
      assert.equal(headers.get('referrer-policy'), 'strict-origin-when-cross-origin', pathname)
      assert.match(headers.get('permissions-policy') ?? '', /camera=\(\)/, pathname)
    }
  })
})
