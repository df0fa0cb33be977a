import { readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { AuthorStoreError, createFileAuthorStore, readAuthors } from '@/lib/auth/author-store'
import { hashPassword, verifyPassword } from '@/lib/auth/passwords'
import { createRateLimiter } from '@/lib/auth/rate-limit'
import { checkShareToken, createShareToken, shareExpiry } from '@/lib/auth/share-links'
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

describe('author store', () => {
  test('adds, finds (case-insensitively), lists and removes authors, in a 0600 file', async () => {
    const file = path.join(tempDir(), 'nested', 'authors.json')
    const store = createFileAuthorStore(file)
    await store.add({ email: 'Ann@Example.org', name: 'Ann', password: 'twelve chars ok' })
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect((await store.find('ann@example.org'))?.name).toBe('Ann')
    expect(readFileSync(file, 'utf8')).not.toContain('twelve chars ok')
    await store.remove('ANN@example.org')
    expect(await store.list()).toEqual([])
  })
  test('clear errors for a duplicate, an unknown email, a weak password, a bad address and an unwritable file', async () => {
    const store = createFileAuthorStore(path.join(tempDir(), 'authors.json'))
    await store.add({ email: 'a@example.org', password: 'long enough pass' })
    await expect(store.add({ email: 'A@example.org', password: 'long enough pass' })).rejects.toThrow('already exists')
    await expect(store.add({ email: 'b@example.org', password: 'short' })).rejects.toThrow('at least 12 characters')
    await expect(store.add({ email: 'not an email', password: 'long enough pass' })).rejects.toThrow('is not an email address')
    await expect(store.remove('nobody@example.org')).rejects.toThrow('No author has the email nobody@example.org')
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
