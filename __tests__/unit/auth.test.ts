import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { AuthorStoreError, addAuthor, findAuthor, readAuthors, removeAuthor } from '@/lib/author-store'
import { ensureAuthSecret, ensureDefaultAuthor } from '@/lib/bootstrap'
import { hashPassword, verifyPassword } from '@/lib/passwords'
import { createRateLimiter } from '@/lib/rate-limit'
import { isSameOrigin, safeCallbackPath } from '@/lib/request-checks'
import { checkShareToken, createShareToken, shareExpiry } from '@/lib/share-links'
import { readServerConfig } from '@/lib/site'

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'sandbank-unit-'))

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

describe('author store', () => {
  test('adds, finds (case-insensitively), lists and removes authors, in a 0600 file', async () => {
    const file = path.join(tempDir(), 'nested', 'authors.json')
    await addAuthor(file, { email: 'Ann@Example.org', name: 'Ann', password: 'twelve chars ok' })
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(findAuthor(file, 'ann@example.org')?.name).toBe('Ann')
    expect(readFileSync(file, 'utf8')).not.toContain('twelve chars ok')
    removeAuthor(file, 'ANN@example.org')
    expect(readAuthors(file)).toEqual([])
  })
  test('clear errors for a duplicate, an unknown email, a weak password, a bad address and an unwritable file', async () => {
    const file = path.join(tempDir(), 'authors.json')
    await addAuthor(file, { email: 'a@example.org', password: 'long enough pass' })
    await expect(addAuthor(file, { email: 'A@example.org', password: 'long enough pass' })).rejects.toThrow('already exists')
    await expect(addAuthor(file, { email: 'b@example.org', password: 'short' })).rejects.toThrow('at least 12 characters')
    await expect(addAuthor(file, { email: 'not an email', password: 'long enough pass' })).rejects.toThrow('is not an email address')
    expect(() => removeAuthor(file, 'nobody@example.org')).toThrow('No author has the email nobody@example.org')
    const blocker = path.join(tempDir(), 'a-file')
    writeFileSync(blocker, '')
    await expect(addAuthor(path.join(blocker, 'authors.json'), { email: 'c@example.org', password: 'long enough pass' })).rejects.toThrow(
      AuthorStoreError,
    )
  })
  test('a corrupt store is reported, not treated as empty', () => {
    const file = path.join(tempDir(), 'authors.json')
    writeFileSync(file, '{"authors": 3}')
    expect(() => readAuthors(file)).toThrow('is not valid')
  })
})

describe('embedded defaults', () => {
  test('a secret is generated once, saved 0600 and reused; the environment wins', () => {
    const dataDir = tempDir()
    const config = readServerConfig({ DATA_DIR: dataDir })
    const first = ensureAuthSecret(config)
    expect(first.origin).toBe('generated')
    expect(first.secret.length).toBeGreaterThanOrEqual(32)
    expect(statSync(first.file!).mode & 0o777).toBe(0o600)
    expect(ensureAuthSecret(config)).toEqual({ secret: first.secret, origin: 'file', file: first.file })
    const fromEnv = 'x'.repeat(40)
    expect(ensureAuthSecret(readServerConfig({ DATA_DIR: dataDir, NEXTAUTH_SECRET: fromEnv }))).toEqual({ secret: fromEnv, origin: 'environment' })
  })
  test('one author with a random password is created only when there are none', async () => {
    const config = readServerConfig({ DATA_DIR: tempDir() })
    const first = await ensureDefaultAuthor(config)
    const second = await ensureDefaultAuthor(readServerConfig({ DATA_DIR: tempDir() }))
    expect(first?.password).not.toBe(second?.password)
    expect(first?.password.length).toBeGreaterThanOrEqual(20)
    await expect(verifyPassword(first!.password, findAuthor(config.authorsFile, first!.email)!.passwordHash)).resolves.toBe(true)
    await expect(ensureDefaultAuthor(config)).resolves.toBeUndefined()
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

describe('sign-in rate limit', () => {
  test('five failures in the window lock a key; it frees itself after the window', () => {
    const limiter = createRateLimiter({ limit: 5, windowMs: 1000 })
    for (let i = 0; i < 4; i++) limiter.recordFailure('email:a', i)
    expect(limiter.isLimited('email:a', 10)).toBe(false)
    limiter.recordFailure('email:a', 10)
    expect(limiter.isLimited('email:a', 11)).toBe(true)
    expect(limiter.isLimited('email:b', 11)).toBe(false)
    expect(limiter.isLimited('email:a', 1005)).toBe(false)
  })
  test('memory stays bounded under a flood of keys', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 1000, maxKeys: 3 })
    for (const key of ['a', 'b', 'c', 'd']) limiter.recordFailure(key, 0)
    expect(limiter.isLimited('a', 1)).toBe(false)
    expect(limiter.isLimited('d', 1)).toBe(true)
  })
})

describe('request checks', () => {
  test('callback paths stay on this site', () => {
    expect(safeCallbackPath('/drafts/x')).toBe('/drafts/x')
    for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', 'drafts', undefined]) expect(safeCallbackPath(bad)).toBe('/drafts')
  })
  test('a cross-site Origin is refused; no Origin is allowed', () => {
    expect(isSameOrigin(new Headers({ host: 'blog.example.org', origin: 'https://blog.example.org' }))).toBe(true)
    expect(isSameOrigin(new Headers({ host: 'blog.example.org', origin: 'https://evil.example' }))).toBe(false)
    expect(isSameOrigin(new Headers({ host: 'blog.example.org' }))).toBe(true)
    expect(isSameOrigin(new Headers({ host: 'blog.example.org', origin: 'null' }))).toBe(false)
  })
})
