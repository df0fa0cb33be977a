/**
 * The embedded defaults `npm start`, `npm run dev` and `npm run stack` create when
 * nothing is configured: a random auth secret and one author with a random
 * password. Never a fixed value; each is made once and kept under the data
 * folder, or in Redis when REDIS_URL is set. With REDIS_URL, an existing
 * authors.json is copied into a Redis that has never held authors, instead.
 */
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import {
  authorStoreFor,
  authorStoreLocation,
  generatePassword,
  readAuthors,
  readSecretFile,
  type AuthorStore,
  type RedisAuthorStore,
} from '../../lib/auth'
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

/** The author made on a first run; `location` says where it is kept (the file, or Redis). */
export type DefaultAuthor = { email: string; password: string; location: string }

/** Creates one author with a random password when the store has none (and GitHub sign-in is off). */
export async function ensureDefaultAuthor(config: ServerConfig, store: AuthorStore = authorStoreFor(config)): Promise<DefaultAuthor | undefined> {
  if (config.github || (await store.list()).length > 0) return undefined
  const email = 'author@localhost'
  const password = generatePassword()
  await store.add({ email, name: 'Author', password })
  return { email, password, location: authorStoreLocation(config) }
}

/**
 * Moving to Redis: copies the authors of `file` into a Redis store that holds none
 * and has never been imported into (so removing every author from Redis does not
 * bring the file's back on the next start). Undefined when there was nothing to do.
 */
export async function importAuthorsIntoEmptyStore(file: string, store: RedisAuthorStore) {
  const authors = readAuthors(file)
  if (authors.length === 0 || (await store.list()).length > 0 || (await store.importedFrom())) return undefined
  return store.importAuthors(authors, path.resolve(file))
}
