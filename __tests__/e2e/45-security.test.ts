/**
 * Issue 10: the attacks and production failures found by the outside review,
 * each replayed against the real build. Tests that lock sign-in out or break
 * the author store run on a second `next start` of the same build, with its
 * own author store and no trusted proxy, so the main server stays usable for
 * the files after this one.
 */
import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { request as httpRequest } from 'node:http'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import type { BrowserContext } from 'playwright-core'
import { BIN, ROOT, freePort, startNextServer, stopServer, waitForHttp } from '../../scripts/lib/process'
import { BASE_URL, CookieJar, authorCli, get, signIn, suiteBrowser, url } from './helpers'

const PASSWORD = 'a long enough password for e2e'

async function addAuthor(email: string, env: NodeJS.ProcessEnv = process.env) {
  const added = await authorCli(['add', email, '--password-stdin'], PASSWORD, env)
  assert.equal(added.status, 0, added.stderr)
}

/** Each test that fails sign-ins on the main server comes from its own documentation address (TEST-NET-2). */
let nextAddress = 10
function freshClient(): Record<string, string> {
  return { 'x-forwarded-for': `198.51.100.${nextAddress++}` }
}

async function csrf(jar: CookieJar, base = BASE_URL): Promise<string> {
  const response = await fetch(new URL('/api/auth/csrf', base), { headers: { cookie: jar.header() } })
  jar.store(response.headers)
  return ((await response.json()) as { csrfToken: string }).csrfToken
}

async function postForm(pathname: string, body: string, headers: Record<string, string> = {}, base = BASE_URL) {
  const response = await fetch(new URL(pathname, base), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  })
  return { status: response.status, headers: response.headers, text: await response.text() }
}

/** A request with any method (fetch refuses TRACE); status, headers and body. */
function requestWithMethod(base: string, method: string, pathname: string): Promise<{ status: number; headers: Headers; text: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(base)
    const sent = httpRequest({ host: hostname, port, method, path: pathname, agent: false }, (response) => {
      let text = ''
      response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
      response.on('end', () => {
        const headers = new Headers()
        for (const [name, value] of Object.entries(response.headers)) if (typeof value === 'string') headers.set(name, value)
        resolve({ status: response.statusCode ?? 0, headers, text })
      })
    })
    sent.on('error', reject)
    sent.end()
  })
}

/** A second server on the e2e build: its own author store, no trusted proxy, its own limiter. */
type SecondServer = { base: string; authorsFile: string; env: NodeJS.ProcessEnv; process: ChildProcess; output: () => string }

async function startSecondServer(authorsContent?: string): Promise<SecondServer> {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const authorsFile = path.join(mkdtempSync(path.join(tmpdir(), 'sandbank-45-')), 'authors.json')
  if (authorsContent !== undefined) writeFileSync(authorsFile, authorsContent)
  const env: NodeJS.ProcessEnv = { ...process.env, AUTHORS_FILE: authorsFile, TRUSTED_PROXIES: '', NEXTAUTH_URL: base }
  let output = ''
  const child = startNextServer(port, env, 'pipe')
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  return { base, authorsFile, env, process: child, output: () => output }
}

// ---------------------------------------------------------------------------
// 1. Sign-in brute force
// ---------------------------------------------------------------------------

describe('1. sign-in brute force', () => {
  const victim = 'brute.victim@example.org'
  before(() => addAuthor(victim))

  test('a JSON body, a repeated field or credentials in the query string are refused with 400', async () => {
    const jar = new CookieJar()
    const token = await csrf(jar)
    const headers = { cookie: jar.header(), ...freshClient() }
    const json = await postForm(
      '/api/auth/callback/credentials',
      JSON.stringify({ csrfToken: token, email: victim, password: 'guess one', json: 'true' }),
      { ...headers, 'content-type': 'application/json' },
    )
    assert.equal(json.status, 400, `JSON body: ${json.status} ${json.text.slice(0, 200)}`)
    const repeated = await postForm(
      '/api/auth/callback/credentials',
      `csrfToken=${token}&email=decoy%40example.org&email=${encodeURIComponent(victim)}&password=guess+two&json=true`,
      headers,
    )
    assert.equal(repeated.status, 400, `repeated email: ${repeated.status} ${repeated.text.slice(0, 200)}`)
    const query = await postForm(
      `/api/auth/callback/credentials?email=${encodeURIComponent(victim)}&password=guess+three`,
      new URLSearchParams({ csrfToken: token, email: victim, password: 'guess three', json: 'true' }).toString(),
      headers,
    )
    assert.equal(query.status, 400, `fields in the query string: ${query.status} ${query.text.slice(0, 200)}`)
  })

  test('a concurrent flood from rotating addresses gets at most five guesses at one email, and the right password is then refused', async () => {
    const email = 'flood.victim@example.org'
    await addAuthor(email)
    const attempts = await Promise.all(Array.from({ length: 40 }, () => signIn(new CookieJar(), email, 'a wrong guess at it', freshClient())))
    const guessed = attempts.filter((attempt) => attempt.status !== 429).length
    assert.ok(guessed <= 5, `${guessed} of 40 concurrent guesses were checked; at most 5 may be`)
    const right = await signIn(new CookieJar(), email, PASSWORD, freshClient())
    assert.equal(right.status, 429, 'the right password is refused while the email is locked')
  })

  test('behind the trusted proxy, the client is the address the proxy added, not one the client wrote', async () => {
    // The main e2e server runs with TRUSTED_PROXIES=1: the last X-Forwarded-For entry is the client.
    const client = `198.51.100.${nextAddress++}`
    const statuses: number[] = []
    for (let attempt = 0; attempt < 11; attempt++) {
      const result = await signIn(new CookieJar(), `spray${attempt}@example.org`, 'a wrong guess at it', {
        'x-forwarded-for': `203.0.113.${attempt}, ${client}`,
      })
      statuses.push(result.status)
    }
    assert.deepEqual(statuses, [...Array(10).fill(401), 429], 'ten failures across any emails, then 429')
  })
})

// ---------------------------------------------------------------------------
// 2. 404s behind a TLS proxy   3. 404s that shared caches keep
// ---------------------------------------------------------------------------

const MISSING = ['/posts/nope', '/posts/qzcanary-draft', '/posts/qzcanary-scheduled', '/tags/nope', '/page/999', '/authors/nobody', '/no-such-page']

describe('2. 404s behind a TLS-terminating proxy', () => {
  const variations: Record<string, string>[] = [
    { 'x-forwarded-proto': 'https' },
    { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'blog.example.org' },
    { 'x-forwarded-proto': 'https', host: 'blog.example.org' },
    { 'x-forwarded-proto': 'https,http', 'x-forwarded-host': 'localhost:1' },
    { 'x-forwarded-proto': 'http' },
    { host: 'localhost' },
  ]
  test('missing posts, tags and pages answer the 404 page, never 500', async () => {
    for (const headers of variations) {
      for (const pathname of MISSING) {
        const { status, text } = await get(pathname, { headers })
        assert.equal(status, 404, `${pathname} with ${JSON.stringify(headers)}`)
        assert.match(text, /Page not found/, `${pathname} with ${JSON.stringify(headers)}`)
      }
    }
  })
})

function sharedCacheSeconds(cacheControl: string): number {
  const directives = cacheControl
    .toLowerCase()
    .split(',')
    .map((part) => part.trim())
  if (directives.some((d) => d === 'no-store' || d === 'private')) return 0
  const sMaxAge = directives.find((d) => d.startsWith('s-maxage='))
  const maxAge = directives.find((d) => d.startsWith('max-age='))
  const seconds = Number((sMaxAge ?? maxAge ?? 'max-age=0').split('=')[1])
  const stale = directives.find((d) => d.startsWith('stale-while-revalidate'))
  return seconds + (stale ? Number(stale.split('=')[1] ?? Infinity) : 0)
}

describe('3. 404s are not kept by shared caches', () => {
  test('no 404 may be cached downstream for longer than the revalidate window', async () => {
    for (const pathname of MISSING) {
      const { status, headers } = await get(pathname)
      assert.equal(status, 404, pathname)
      const cacheControl = headers.get('cache-control') ?? ''
      assert.ok(sharedCacheSeconds(cacheControl) <= 300, `${pathname}: Cache-Control: ${cacheControl}`)
    }
  })
})

describe("3. a visitor's address is not kept for the next one", () => {
  test('a listing or post rendered on its first request for an address with a query string keeps none of it for later readers', async () => {
    for (const pathname of ['/tags/fixture-filler/page/7', '/posts/filler-post-7']) {
      const first = await get(`${pathname}?reset_token=qzsecretquery`)
      assert.equal(first.status, 200, pathname)
      const later = await get(pathname)
      assert.equal(later.status, 200, pathname)
      assert.ok(!/qzsecretquery|reset_token/.test(later.text), `${pathname} carries the first visitor's query string`)
    }
  })
})

// ---------------------------------------------------------------------------
// 4. Removed authors and signed-out sessions
// ---------------------------------------------------------------------------

describe('4. sessions end when the author is removed or signs out', () => {
  test('a removed author is refused on the next request', async () => {
    const email = 'to.be.removed@example.org'
    await addAuthor(email)
    const jar = new CookieJar()
    assert.equal((await signIn(jar, email, PASSWORD, freshClient())).status, 200)
    assert.equal((await get('/api/drafts', { headers: { cookie: jar.header() } })).status, 200)
    const removed = await authorCli(['remove', email])
    assert.equal(removed.status, 0, removed.stderr)
    assert.equal((await get('/api/drafts', { headers: { cookie: jar.header() } })).status, 401, '/api/drafts')
    const page = await get('/drafts/qzcanary-draft', { headers: { cookie: jar.header() } })
    assert.equal(page.status, 307, '/drafts/<slug> sends them to sign in')
    const share = await get('/api/drafts/qzcanary-draft/share', { method: 'POST', headers: { cookie: jar.header() } })
    assert.equal(share.status, 401, 'no share links')
    const session = await get('/api/auth/session', { headers: { cookie: jar.header() } })
    assert.deepEqual(JSON.parse(session.text), {}, 'no session is re-issued')
  })

  test('signing out invalidates the token itself, not only the cookie', async () => {
    const email = 'signs.out@example.org'
    await addAuthor(email)
    const jar = new CookieJar()
    assert.equal((await signIn(jar, email, PASSWORD, freshClient())).status, 200)
    const stolen = jar.header()
    const token = await csrf(jar)
    const signOut = await postForm('/api/auth/signout', new URLSearchParams({ csrfToken: token, json: 'true' }).toString(), { cookie: jar.header() })
    assert.equal(signOut.status, 200)
    assert.equal((await get('/api/drafts', { headers: { cookie: stolen } })).status, 401, 'the old cookie no longer reads drafts')
    assert.deepEqual(JSON.parse((await get('/api/auth/session', { headers: { cookie: stolen } })).text), {})
  })
})

// ---------------------------------------------------------------------------
// 5. Concurrent writes to the author store
// ---------------------------------------------------------------------------

describe('5. the author store under concurrent writes', () => {
  test('four adds and a remove at once lose nothing, three rounds running', async () => {
    for (let round = 0; round < 3; round++) {
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'sandbank-store-')), 'authors.json')
      const env = { ...process.env, AUTHORS_FILE: file }
      await addAuthor('gone@example.org', env)
      const run = (args: string[]) =>
        new Promise<number>((resolve) => {
          const child = spawn(path.join(BIN, 'tsx'), ['scripts/author.ts', ...args], { cwd: ROOT, env, stdio: ['pipe', 'ignore', 'inherit'] })
          child.stdin.end(PASSWORD)
          child.on('exit', (code) => resolve(code ?? 1))
        })
      const adds = [1, 2, 3, 4].map((n) => `concurrent${n}@example.org`)
      const codes = await Promise.all([...adds.map((email) => run(['add', email, '--password-stdin'])), run(['remove', 'gone@example.org'])])
      assert.deepEqual(codes, [0, 0, 0, 0, 0], `round ${round}: every command succeeded`)
      const stored = (JSON.parse(readFileSync(file, 'utf8')) as { authors: { email: string }[] }).authors.map((a) => a.email).sort()
      assert.deepEqual(stored, adds, `round ${round}`)
    }
  })
})

// ---------------------------------------------------------------------------
// 6. Open redirect   10. Sign-in without JavaScript
// ---------------------------------------------------------------------------

describe('in Chromium', () => {
  const browser = suiteBrowser()
  const email = 'chromium.author@example.org'
  before(() => addAuthor(email))

  /** Any request to another host is answered here, so a redirect off the site is seen rather than failing on DNS. */
  async function isolatedContext(javaScriptEnabled: boolean): Promise<{ context: BrowserContext; offSite: string[] }> {
    const context = await browser().newContext({ javaScriptEnabled })
    const offSite: string[] = []
    const ownHost = new URL(BASE_URL).host
    await context.route('**/*', (route) => {
      const requested = new URL(route.request().url())
      if (requested.host === ownHost) return route.continue()
      offSite.push(requested.href)
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>phished</h1>' })
    })
    return { context, offSite }
  }

  for (const javaScriptEnabled of [true, false]) {
    test(`6. a callbackUrl with a tab after the slash stays on the site (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const { context, offSite } = await isolatedContext(javaScriptEnabled)
      const page = await context.newPage()
      await page.goto(url('/signin?callbackUrl=/%09/evil.example/phish'))
      await page.getByLabel('Email').fill(email)
      await page.getByLabel('Password').fill(PASSWORD)
      await page.getByRole('button', { name: 'Sign in' }).click()
      await page.waitForURL((address) => address.pathname !== '/signin' || address.host !== new URL(BASE_URL).host)
      await page.waitForLoadState('load')
      assert.deepEqual(offSite, [], 'no request left the site')
      assert.equal(new URL(page.url()).host, new URL(BASE_URL).host, page.url())
      await context.close()
    })
  }

  test('10. with JavaScript off: sign in with the plain form, reach /drafts and read a draft', async () => {
    const { context } = await isolatedContext(false)
    const page = await context.newPage()
    await page.goto(url('/drafts'))
    await page.waitForURL(/\/signin\?callbackUrl=%2Fdrafts/)
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill('not the right password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(/\/signin/)
    const summary = page.locator('.error-summary')
    await summary.waitFor()
    assert.match((await summary.textContent()) ?? '', /There is a problem/)
    assert.match((await summary.textContent()) ?? '', /email or password is not right/)
    assert.match(await page.title(), /^Error: /, 'the title says there is an error, as GOV.UK pages do')
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill(PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(/\/drafts$/)
    await page.getByRole('link', { name: 'Qzcanary draft title' }).click()
    await page.waitForURL(/\/drafts\/qzcanary-draft$/)
    assert.match((await page.locator('article').textContent()) ?? '', /qzcanary secret text/)
    await context.close()
  })
})

// ---------------------------------------------------------------------------
// 7. Bad input outside the route guard
// ---------------------------------------------------------------------------

describe('7. bad input gets a 4xx, never a 500', () => {
  test('bad percent-encoding under /api', async () => {
    const requests: [string, string][] = [
      ['GET', '/api/auth/%ff'],
      ['GET', '/api/auth/%'],
      ['GET', '/api/auth/%c0%af'],
      ['GET', '/api/auth/session/%ff'],
      ['GET', '/api/auth/callback/%ff'],
      ['POST', '/api/auth/callback/%ff'],
      ['POST', '/api/drafts/%ff/share'],
      ['POST', '/api/drafts/%/share'],
      ['GET', '/api/drafts/%c0%af'],
    ]
    for (const [method, pathname] of requests) {
      const { status, text } = await get(pathname, { method })
      assert.ok(status >= 400 && status < 500, `${method} ${pathname} answered ${status}`)
      assert.doesNotMatch(text, /at \w+ \(|Error:/, 'no stack trace')
    }
  })

  test('/api/auth/error with a bad error value', async () => {
    for (const query of ['error=%ff', 'error=%0d%0aSet-Cookie:%20x=1', 'error=%c0%af', 'error=' + 'x'.repeat(3000)]) {
      const { status, headers } = await get(`/api/auth/error?${query}`)
      assert.ok(status < 500, `?${query.slice(0, 40)} answered ${status}`)
      assert.equal(headers.get('set-cookie')?.includes('x=1') ?? false, false, 'no header injection')
    }
  })

  test('a malformed JSON body to any /api/auth route', async () => {
    for (const pathname of [
      '/api/auth/callback/credentials',
      '/api/auth/signout',
      '/api/auth/session',
      '/api/auth/signin/credentials',
      '/api/auth/csrf',
    ]) {
      const { status, text } = await postForm(pathname, '{"csrfToken": ', { 'content-type': 'application/json' })
      assert.ok(status >= 400 && status < 500, `${pathname} answered ${status}: ${text.slice(0, 100)}`)
    }
  })
})

// ---------------------------------------------------------------------------
// 9. Security headers on redirects
// ---------------------------------------------------------------------------

describe('9. redirects carry the security headers', () => {
  test('the same CSP, X-Frame-Options, nosniff (and HSTS when the page has it) as a page', async () => {
    const page = await get('/')
    const expected = ['content-security-policy', 'x-frame-options', 'x-content-type-options', 'referrer-policy', 'strict-transport-security']
    for (const pathname of [
      '/about/',
      '/page/1',
      '/posts/shifting-digital-sands/',
      '/2014/03/24/shifting-digital-sands/',
      '/2014/03/24/shifting-digital-sands',
    ]) {
      const redirect = await get(pathname)
      assert.ok(redirect.status >= 300 && redirect.status < 400, `${pathname} redirects (${redirect.status})`)
      for (const name of expected) assert.equal(redirect.headers.get(name), page.headers.get(name), `${name} on ${pathname}`)
    }
    assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/)
  })
})

// ---------------------------------------------------------------------------
// On a second server with no trusted proxy: 1 (forged X-Forwarded-For,
// lockout recovery) and 8 (author-store errors)
// ---------------------------------------------------------------------------

describe('a server with no trusted proxy', () => {
  let server: SecondServer
  /** The browser that signed in once before the lockout. */
  let deviceJar: CookieJar | undefined
  const author = 'second.author@example.org'
  before(async () => {
    server = await startSecondServer()
    await addAuthor(author, server.env)
    await waitForHttp(server.base + '/')
  })
  after(async () => {
    if (server) await stopServer(server.process)
  })

  test('TRACE (405) and TRACK (400) are refused with the security headers, and log nothing: no one can fill the log with stack traces', async () => {
    const page = await get('/')
    // TRACK is no method Node's HTTP parser knows: the server refuses it as a request it cannot read, before any of Next or the app.
    for (const [method, status] of [
      ['TRACE', 405],
      ['TRACK', 400],
    ] as const) {
      for (const pathname of ['/', '/posts/shifting-digital-sands', '/api/search?q=digital', '/no-such-page']) {
        const what = `${method} ${pathname}`
        const before = server.output().length
        const traced = await requestWithMethod(server.base, method, pathname)
        assert.equal(traced.status, status, `${what}: ${traced.status}`)
        for (const name of ['content-security-policy', 'x-frame-options', 'x-content-type-options', 'referrer-policy']) {
          assert.equal(traced.headers.get(name), page.headers.get(name), `${what}: ${name}`)
        }
        assert.match(traced.headers.get('cache-control') ?? '', /no-store/, `${what}: Cache-Control`)
        assert.equal(server.output().slice(before), '', `${what} logged something`)
      }
    }
  })

  test('1. with the first sign-in its browser gets a device cookie', async () => {
    const jar = new CookieJar()
    const result = await signIn(jar, author, PASSWORD, {}, server.base)
    assert.equal(result.status, 200)
    deviceJar = jar
  })

  test('1. a forged X-Forwarded-For gives no extra guesses: after ten failures across any emails, 429', async () => {
    const statuses: number[] = []
    for (let attempt = 0; attempt < 11; attempt++) {
      const result = await signIn(
        new CookieJar(),
        `forged${attempt}@example.org`,
        'a wrong guess at it',
        { 'x-forwarded-for': `203.0.113.${attempt}` },
        server.base,
      )
      statuses.push(result.status)
    }
    assert.deepEqual(statuses, [...Array(10).fill(401), 429])
  })

  test('1. lockout recovery: the author signs in from a browser that signed in before, while strangers are locked out', async () => {
    const stranger = await signIn(new CookieJar(), author, PASSWORD, {}, server.base)
    assert.equal(stranger.status, 429, 'a browser without the device cookie is still locked out')
    const known = await signIn(deviceJar!, author, PASSWORD, {}, server.base)
    assert.equal(known.status, 200, JSON.stringify(known.body))
  })

  test('8. a corrupt author store: visitors get a generic message, nothing of the file', async () => {
    writeFileSync(server.authorsFile, '{"authors": [{"email": "qzleak@example.org", "passwordHash": "qzleakhash')
    // From the browser with the device cookie: every other client is locked out by the test before.
    const result = await signIn(deviceJar!, author, PASSWORD, {}, server.base)
    assert.equal(result.status, 503, 'JavaScript sign-in: sign-in is unavailable')
    assert.match(result.body.error ?? '', /Sign-in is unavailable/)
    // Without JavaScript the form comes back with the message.
    const token = await csrf(deviceJar!, server.base)
    const form = await postForm(
      '/api/auth/callback/credentials',
      new URLSearchParams({ csrfToken: token, email: author, password: PASSWORD, callbackUrl: '/drafts' }).toString(),
      { cookie: deviceJar!.header() },
      server.base,
    )
    assert.equal(form.status, 303)
    const page = await fetch(new URL(form.headers.get('location') ?? '/', server.base))
    const html = await page.text()
    assert.match(html, /Sign-in is unavailable/, 'the sign-in page says so in plain words')
    for (const shown of [JSON.stringify(result), form.headers.get('location') ?? '']) {
      assert.doesNotMatch(shown, /qzleak/, 'no piece of the file')
      assert.ok(!shown.includes(path.dirname(server.authorsFile)), 'no file path')
      assert.doesNotMatch(shown, /authors\.json|JSON|position/i)
    }
    assert.doesNotMatch(html, /qzleak|authors\.json/)
    assert.match(server.output(), /authors\.json/, 'the details are in the server log')
  })
})

describe('8. the author store is checked when the server starts', () => {
  test('entries that are not objects with string fields stop the server with a message', async () => {
    const server = await startSecondServer(
      JSON.stringify({ authors: [{ email: 'ok@example.org', name: 'OK', passwordHash: 'scrypt$1', createdAt: 'x' }, 42, { email: 7 }] }),
    )
    try {
      const outcome = await Promise.race([
        new Promise<string>((resolve) => server.process.once('exit', (code) => resolve(`exit ${code}`))),
        waitForHttp(server.base + '/', 60_000).then(() => 'serving'),
      ])
      assert.match(outcome, /^exit [1-9]/, `the server should refuse to start; it is ${outcome}`)
      assert.match(server.output(), /authors\.json/)
      assert.match(server.output(), /entry 2/)
    } finally {
      await stopServer(server.process)
    }
  })
})
