import { statSync } from 'node:fs'
import { createFileAuthorStore, verifyPassword } from '@/lib/auth'
import { readServerConfig } from '@/lib/config'
import { ensureAuthSecret, ensureDefaultAuthor } from '@/scripts/lib/provisioning'
import { tempDir } from '../fixtures'

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
    const stored = await createFileAuthorStore(config.authorsFile).find(first!.email)
    await expect(verifyPassword(first!.password, stored!.passwordHash)).resolves.toBe(true)
    await expect(ensureDefaultAuthor(config)).resolves.toBeUndefined()
  })
})
