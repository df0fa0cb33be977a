import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { AuthorStoreError, createFileAuthorStore, readAuthors } from '@/lib/auth/author-store'
import { csrfCookieName, csrfTokenFor } from '@/lib/auth/csrf'
import { createDeviceToken, deviceIdFor } from '@/lib/auth/device-cookie'
import { readAuthForm } from '@/lib/auth/form'
import { hashPassword, verifyPassword } from '@/lib/auth/passwords'
import { createSignInLimiter, memoryLimiterStore } from '@/lib/auth/rate-limit'
import { checkShareToken, createShareToken, shareExpiry } from '@/lib/auth/share-links'
import { signInErrorCode, signInErrorMessage } from '@/lib/auth/sign-in-errors'
import { tempDir } from '../fixtures'

describe('password hashing', () => {
  test('a hash verifies its own password only, and never contains it', async () => {
    const hash = await hashPassword('correct horse battery staple')
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/)
    expect(hash).not.toContain('horse')
    await expect(verifyPassword('correct horse battery staple', hash)).resolves.toBe(true)
    await expect(verifyPassword('correct horse battery stapler', hash)).resolves.toBe(false)
    await expect(verifyPassword('anything', 'not-a-hash')).resolves.toBe(false)
  })
  test('the same password hashes differently each time (salted)', async () => {
    expect(await hashPassword('same password twice')).not.toBe(await hashPassword('same password twice'))
  })
})

describe('the file author store', () => {
  // The contract every author store keeps (add, find, remove, errors, concurrency, sessions) is in ./auth/redis.test.ts, for both stores.
  test('keeps authors in a 0600 file, with only a hash of the password', async () => {
    const file = path.join(tempDir(), 'nested', 'authors.json')
    const store = createFileAuthorStore(file)
    await store.add({ email: 'Ann@Example.org', name: 'Ann', password: 'twelve chars ok' })
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(readFileSync(file, 'utf8')).toContain('ann@example.org')
    expect(readFileSync(file, 'utf8')).not.toContain('twelve chars ok')
  })
  test('a file that cannot be written is a clear error', async () => {
    const blocker = path.join(tempDir(), 'a-file')
    writeFileSync(blocker, '')
    await expect(
      createFileAuthorStore(path.join(blocker, 'authors.json')).add({ email: 'c@example.org', password: 'long enough pass' }),
    ).rejects.toThrow(AuthorStoreError)
  })
  test('a corrupt store is reported, not treated as empty', () => {
    const file = path.join(tempDir(), 'authors.json')
    writeFileSync(file, '{"authors": 3}')
    expect(() => readAuthors(file)).toThrow('is not valid')
  })
})

describe('share links', () => {
  const secret = 's'.repeat(43)
  const now = new Date('2026-06-01T00:00:00Z')
  test('a link is valid for its slug until it expires', () => {
    const token = createShareToken('my-draft', shareExpiry(7, now), secret)
    expect(checkShareToken(token, 'my-draft', secret, now)).toBe('valid')
    expect(checkShareToken(token, 'my-draft', secret, new Date('2026-06-07T23:59:59Z'))).toBe('valid')
    expect(checkShareToken(token, 'my-draft', secret, new Date('2026-06-08T00:00:00Z'))).toBe('expired')
  })
  test('another slug, another secret or any changed character is invalid', () => {
    const token = createShareToken('my-draft', shareExpiry(7, now), secret)
    expect(checkShareToken(token, 'other-draft', secret, now)).toBe('invalid')
    expect(checkShareToken(token, 'my-draft', 't'.repeat(43), now)).toBe('invalid')
    const [slug, expiry, signature] = token.split('.')
    expect(checkShareToken(`${slug}.${Number(expiry) + 86400}.${signature}`, 'my-draft', secret, now)).toBe('invalid')
    expect(checkShareToken(`${token}x`, 'my-draft', secret, now)).toBe('invalid')
    expect(checkShareToken('', 'my-draft', secret, now)).toBe('invalid')
  })
})

describe('the file author store: validation and atomic writes', () => {
  test('entries that are not objects with text fields are rejected, naming the entry and field', () => {
    const file = path.join(tempDir(), 'authors.json')
    const ok = { email: 'a@x', name: 'A', passwordHash: 'h', createdAt: 'c' }
    const cases: [unknown, RegExp][] = [
      [{ authors: [ok, 42] }, /entry 2 is not an object/],
      [{ authors: [{ ...ok, passwordHash: 7 }] }, /entry 1 has no text field "passwordHash"/],
      [{ authors: [{ ...ok, sessionGeneration: 'x' }] }, /entry 1 has a "sessionGeneration"/],
      [{ authors: 'no' }, /"authors" list/],
      [[], /"authors" list/],
    ]
    for (const [content, message] of cases) {
      writeFileSync(file, JSON.stringify(content))
      expect(() => readAuthors(file)).toThrow(AuthorStoreError)
      expect(() => readAuthors(file)).toThrow(message)
    }
    writeFileSync(file, JSON.stringify({ authors: [ok] }))
    expect(readAuthors(file)).toEqual([{ ...ok, sessionGeneration: 0 }])
  })

  test('writes leave no temporary files behind', async () => {
    const dir = tempDir()
    const store = createFileAuthorStore(path.join(dir, 'authors.json'))
    await store.add({ email: 'a@x.org', password: 'long enough pass' })
    expect(readFileSync(path.join(dir, 'authors.json'), 'utf8')).toContain('a@x.org')
    expect(readdirSync(dir)).toEqual(['authors.json'])
  })
})

describe('sign-in limiter', () => {
  const limits = { email: { points: 3, duration: 60 }, client: { points: 5, duration: 60 }, device: { points: 2, duration: 60 } }

  test('concurrent attempts on one email get exactly the allowed number of guesses', async () => {
    const limiter = createSignInLimiter(memoryLimiterStore, limits)
    const permits = await Promise.all(Array.from({ length: 20 }, (_, i) => limiter.begin({ email: 'a@x', client: `c${i}` })))
    expect(permits.filter((permit) => permit.allowed)).toHaveLength(3)
    const refused = permits.find((permit) => !permit.allowed)
    expect(refused && !refused.allowed && refused.retryAfterSeconds).toBeGreaterThan(0)
  })

  test('one client is limited across emails, and refused attempts do not use up other keys', async () => {
    const limiter = createSignInLimiter(memoryLimiterStore, limits)
    for (let i = 0; i < 5; i++) expect((await limiter.begin({ email: `e${i}@x`, client: 'spray' })).allowed).toBe(true)
    expect((await limiter.begin({ email: 'fresh@x', client: 'spray' })).allowed).toBe(false)
    // The refused attempt gave fresh@x's point back: another client still has all three.
    for (let i = 0; i < 3; i++) expect((await limiter.begin({ email: 'fresh@x', client: `other${i}` })).allowed).toBe(true)
  })

  test('a right password gives its points back; only failures count', async () => {
    const limiter = createSignInLimiter(memoryLimiterStore, limits)
    for (let i = 0; i < 10; i++) {
      const permit = await limiter.begin({ email: 'author@x', client: 'office' })
      expect(permit.allowed).toBe(true)
      if (permit.allowed) await permit.succeeded()
    }
  })

  test('a known device is counted on its own, so a locked email does not lock it out', async () => {
    const limiter = createSignInLimiter(memoryLimiterStore, limits)
    for (let i = 0; i < 3; i++) await limiter.begin({ email: 'victim@x', client: `attacker${i}` })
    expect((await limiter.begin({ email: 'victim@x', client: 'home' })).allowed).toBe(false)
    expect((await limiter.begin({ email: 'victim@x', client: 'home', device: 'laptop' })).allowed).toBe(true)
    expect((await limiter.begin({ email: 'victim@x', client: 'home', device: 'laptop' })).allowed).toBe(true)
    expect((await limiter.begin({ email: 'victim@x', client: 'home', device: 'laptop' })).allowed).toBe(false)
  })

  test('the store is pluggable: every counter is built by the factory it is given, on first use (importing connects to nothing)', async () => {
    const built: string[] = []
    const limiter = createSignInLimiter((options) => {
      built.push(`${options.keyPrefix}:${options.points}/${options.duration}s`)
      return memoryLimiterStore(options)
    }, limits)
    expect(built).toEqual([])
    await limiter.begin({ email: 'a@x', client: 'c' })
    await limiter.begin({ email: 'b@x', client: 'c' })
    expect(built).toEqual(['signin-email:3/60s', 'signin-client:5/60s', 'signin-device:2/60s'])
  })

  test('a store error is not mistaken for a verdict', async () => {
    const broken = createSignInLimiter((options) => {
      const counter = memoryLimiterStore(options)
      counter.consume = () => Promise.reject(new Error('store down'))
      return counter
    }, limits)
    await expect(broken.begin({ email: 'a@x', client: 'c' })).rejects.toThrow('store down')
  })
})

describe('auth form bodies', () => {
  const post = (body: string, { query = '', type = 'application/x-www-form-urlencoded' } = {}) =>
    new Request(`http://x/api/auth/callback/credentials${query}`, { method: 'POST', headers: { 'content-type': type }, body })

  test('the site form is read as sent, and the original body is still there for next-auth', async () => {
    const request = post('csrfToken=t&email=a%40x&password=p+w&callbackUrl=%2Fdrafts&json=true', {
      type: 'application/x-www-form-urlencoded;charset=UTF-8',
    })
    expect(await readAuthForm(request)).toEqual({
      ok: true,
      fields: { csrfToken: 't', email: 'a@x', password: 'p w', callbackUrl: '/drafts', json: 'true' },
    })
    expect(await request.text()).toContain('email=a%40x')
  })

  test('JSON, repeated fields, fields in the address, unknown fields and huge bodies are refused', async () => {
    const refused = [
      post('{"email":"a@x"}', { type: 'application/json' }),
      post('email=a', { type: 'text/plain' }),
      post('email=decoy%40x&email=victim%40x&password=p'),
      post('email=a%40x&password=p', { query: '?email=victim%40x' }),
      post('email=a%40x&password=p', { query: '?callbackUrl=https://evil.example' }),
      post('email=a%40x&redirect=false'),
      post('email=' + 'a'.repeat(9000)),
    ]
    for (const request of refused) {
      const result = await readAuthForm(request)
      expect(result.ok).toBe(false)
      expect(result.ok || [400, 413]).toContain(result.ok ? 0 : result.status)
    }
  })
})

describe('device cookie', () => {
  const secret = 's'.repeat(43)
  test('works only for the email and secret it was made with', () => {
    const token = createDeviceToken('ann@x', secret)
    expect(deviceIdFor(token, 'ann@x', secret)).toBe(token.split('.')[0])
    expect(deviceIdFor(token, 'bob@x', secret)).toBeUndefined()
    expect(deviceIdFor(token, 'ann@x', 't'.repeat(43))).toBeUndefined()
    expect(deviceIdFor(`${token}x`, 'ann@x', secret)).toBeUndefined()
    expect(deviceIdFor(undefined, 'ann@x', secret)).toBeUndefined()
  })
})

describe('sign-in error messages', () => {
  test('known codes get their words; anything else gets the generic message, never itself', () => {
    expect(signInErrorMessage('CredentialsSignin')).toMatch(/email or password/)
    expect(signInErrorCode('The author store /x/authors.json is not valid')).toBe('Default')
    expect(signInErrorMessage('<script>')).toBe(signInErrorMessage('Default'))
    expect(signInErrorMessage('toString')).toBe(signInErrorMessage('Default'))
    expect(signInErrorMessage(undefined)).toBeUndefined()
  })
})

describe('CSRF token rendered on the server', () => {
  // next-auth's own check (not exported by the package, so loaded by path).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createCSRFToken } = require(path.join(process.cwd(), 'node_modules/next-auth/core/lib/csrf-token.js'))
  const secret = 's'.repeat(43)

  test('a new token and cookie pass next-auth’s double-submit check', () => {
    const { token, cookie } = csrfTokenFor(undefined, secret)
    expect(cookie).toBeDefined()
    expect(createCSRFToken({ options: { secret }, cookieValue: cookie, isPost: true, bodyValue: token })).toEqual({
      csrfTokenVerified: true,
      csrfToken: token,
    })
  })

  test('a valid cookie is kept; a forged one is replaced', () => {
    const first = csrfTokenFor(undefined, secret)
    expect(csrfTokenFor(first.cookie, secret)).toEqual({ token: first.token })
    const forged = csrfTokenFor(`${first.token}|${'0'.repeat(64)}`, secret)
    expect(forged.token).not.toBe(first.token)
    expect(forged.cookie).toBeDefined()
    expect(csrfCookieName(true)).toBe('__Host-next-auth.csrf-token')
    expect(csrfCookieName(false)).toBe('next-auth.csrf-token')
  })
})
