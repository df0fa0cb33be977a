/**
 * The embedded defaults `npm start` and `npm run dev` create when nothing is
 * configured: a random auth secret and one author with a random password.
 * Never a fixed value; each is made once and kept under the data folder.
 */
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { createFileAuthorStore, generatePassword, readAuthors, readSecretFile } from '../../lib/auth'
import type { ServerConfig } from '../../lib/config'

export type SecretSource = { secret: string; origin: 'environment' | 'file' | 'generated'; file?: string }

export function ensureAuthSecret(config: ServerConfig): SecretSource {
  if (config.authSecret) return { secret: config.authSecret, origin: 'environment' }
  const existing = readSecretFile(config.secretFile)
  if (existing) return { secret: existing, origin: 'file', file: config.secretFile }
  const secret = randomBytes(32).toString('base64url')
  mkdirSync(path.dirname(config.secretFile), { recursive: true, mode: 0o700 })
  writeFileSync(config.secretFile, secret + '\n', { mode: 0o600 })
  chmodSync(config.secretFile, 0o600)
  return { secret, origin: 'generated', file: config.secretFile }
}

export type DefaultAuthor = { email: string; password: string; file: string }

/** Creates one author with a random password when the store has none (and GitHub sign-in is off). */
export async function ensureDefaultAuthor(config: ServerConfig): Promise<DefaultAuthor | undefined> {
  if (config.github || readAuthors(config.authorsFile).length > 0) return undefined
  const email = 'author@localhost'
  const password = generatePassword()
  await createFileAuthorStore(config.authorsFile).add({ email, name: 'Author', password })
  return { email, password, file: config.authorsFile }
}

export function hasBuild(distDir: string): boolean {
  return existsSync(path.join(distDir, 'BUILD_ID'))
}
