/**
 * Authors who may sign in: emails, names, password hashes and a session
 * generation (bumped to end every session of an author). Everything reads and
 * writes through the AuthorStore interface: this file store
 * (`.data/authors.json` by default) for one machine, or the Redis store
 * (./redis-author-store.ts) that several processes share; ./stores.ts picks one.
 * Both are managed with `npm run author`.
 */
import { readTextIfExists, withFileLock, writeFileAtomically } from '../files'
import { hashPassword, passwordProblem } from './passwords'

export type StoredAuthor = {
  email: string
  name: string
  passwordHash: string
  createdAt: string
  /** Sessions carry the generation they were issued under; a different one here means they have ended. */
  sessionGeneration: number
}

export type NewAuthor = { email: string; name?: string; password: string }

export interface AuthorStore {
  list(): Promise<StoredAuthor[]>
  find(email: string): Promise<StoredAuthor | undefined>
  add(input: NewAuthor): Promise<StoredAuthor>
  remove(email: string): Promise<void>
  /** Ends every session the author has (sign-out, or `npm run author -- signout`). */
  endSessions(email: string): Promise<void>
}

export class AuthorStoreError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'AuthorStoreError'
  }
}

/** The store could not be reached (Redis down): nothing is known about any author until it is back. */
export class AuthorStoreUnavailableError extends AuthorStoreError {
  constructor(message: string) {
    super(message)
    this.name = 'AuthorStoreUnavailableError'
  }
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+$/
const TEXT_FIELDS = ['email', 'name', 'passwordHash', 'createdAt'] as const

/**
 * Checks one stored entry; `where` names it in the error ("The author store … is not
 * valid: entry 2"). A missing sessionGeneration is 0.
 */
export function validateAuthorEntry(entry: unknown, where: string): StoredAuthor {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new AuthorStoreError(`${where} is not an object`)
  const record = entry as Record<string, unknown>
  for (const field of TEXT_FIELDS) {
    if (typeof record[field] !== 'string') throw new AuthorStoreError(`${where} has no text field "${field}"`)
  }
  const generation = record.sessionGeneration ?? 0
  if (!Number.isSafeInteger(generation) || (generation as number) < 0) {
    throw new AuthorStoreError(`${where} has a "sessionGeneration" that is not a whole number`)
  }
  return {
    email: record.email as string,
    name: record.name as string,
    passwordHash: record.passwordHash as string,
    createdAt: record.createdAt as string,
    sessionGeneration: generation as number,
  }
}

/** Checks every entry, naming the first bad one (1-based) and its field. */
export function validateAuthors(value: unknown, source: string): StoredAuthor[] {
  const authors = (value as { authors?: unknown } | null)?.authors
  if (typeof value !== 'object' || value === null || !Array.isArray(authors)) {
    throw new AuthorStoreError(`The author store ${source} is not valid: it must be an object with an "authors" list`)
  }
  return authors.map((entry: unknown, index) => validateAuthorEntry(entry, `The author store ${source} is not valid: entry ${index + 1}`))
}

/**
 * A new author as every store saves it: the address checked and normalised, the
 * password checked and hashed (slow: done before any lock), generation 0.
 */
export async function prepareNewAuthor(input: NewAuthor): Promise<StoredAuthor> {
  const email = normalizeEmail(input.email)
  if (!EMAIL_PATTERN.test(email)) throw new AuthorStoreError(`"${input.email}" is not an email address`)
  const problem = passwordProblem(input.password)
  if (problem) throw new AuthorStoreError(`The password ${problem}`)
  return {
    email,
    name: input.name?.trim() || email.split('@')[0],
    passwordHash: await hashPassword(input.password),
    createdAt: new Date().toISOString(),
    sessionGeneration: 0,
  }
}

export const alreadyExists = (email: string) => `An author with the email ${email} already exists`
export const noSuchAuthor = (email: string) => `No author has the email ${email}`

const storeError = (message: string) => new AuthorStoreError(message)
const WHAT = 'the author store'

/** Reads and validates the store file; a missing file is an empty store. */
export function readAuthors(file: string): StoredAuthor[] {
  const text = readTextIfExists(file, storeError, WHAT)
  if (text === undefined) return []
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new AuthorStoreError(`The author store ${file} is not valid JSON: ${(error as Error).message}`)
  }
  return validateAuthors(parsed, file)
}

/**
 * Runs one read-modify-write under the file's lock (../files), re-reading the
 * file inside it so no concurrent update is lost or undone; the new list
 * replaces the file in one rename.
 */
function update<T>(file: string, change: (authors: StoredAuthor[]) => { authors?: StoredAuthor[]; result: T }): Promise<T> {
  return withFileLock(
    file,
    () => {
      const { authors, result } = change(readAuthors(file))
      if (authors) writeFileAtomically(file, JSON.stringify({ authors }, null, 2) + '\n', storeError, WHAT)
      return result
    },
    storeError,
    WHAT,
  )
}

export function createFileAuthorStore(file: string): AuthorStore {
  return {
    list: async () => readAuthors(file),
    find: async (email) => {
      const wanted = normalizeEmail(email)
      return readAuthors(file).find((author) => author.email === wanted)
    },
    async add(input) {
      const author = await prepareNewAuthor(input)
      return update(file, (authors) => {
        if (authors.some((existing) => existing.email === author.email)) throw new AuthorStoreError(alreadyExists(author.email))
        return { authors: [...authors, author], result: author }
      })
    },
    remove: (email) =>
      update(file, (authors) => {
        const wanted = normalizeEmail(email)
        if (!authors.some((author) => author.email === wanted)) throw new AuthorStoreError(noSuchAuthor(wanted))
        return { authors: authors.filter((author) => author.email !== wanted), result: undefined }
      }),
    endSessions: (email) =>
      update(file, (authors) => {
        const wanted = normalizeEmail(email)
        if (!authors.some((author) => author.email === wanted)) return { result: undefined }
        return {
          authors: authors.map((author) => (author.email === wanted ? { ...author, sessionGeneration: author.sessionGeneration + 1 } : author)),
          result: undefined,
        }
      }),
  }
}
