/**
 * Authors who may sign in: a JSON file of emails and password hashes
 * (`.data/authors.json` by default). Managed with `npm run author`.
 */
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { hashPassword, passwordProblem } from './passwords'

export type StoredAuthor = { email: string; name: string; passwordHash: string; createdAt: string }
type StoreFile = { authors: StoredAuthor[] }

export class AuthorStoreError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'AuthorStoreError'
  }
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+$/

export function readAuthors(file: string): StoredAuthor[] {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw new AuthorStoreError(`Cannot read the author store ${file}: ${(error as Error).message}`)
  }
  try {
    const parsed = JSON.parse(text) as StoreFile
    if (!Array.isArray(parsed.authors)) throw new Error('"authors" is not a list')
    return parsed.authors
  } catch (error) {
    throw new AuthorStoreError(`The author store ${file} is not valid: ${(error as Error).message}`)
  }
}

function writeAuthors(file: string, authors: StoredAuthor[]): void {
  const temporary = `${file}.${process.pid}.tmp`
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
    writeFileSync(temporary, JSON.stringify({ authors }, null, 2) + '\n', { mode: 0o600 })
    chmodSync(temporary, 0o600)
    renameSync(temporary, file)
  } catch (error) {
    throw new AuthorStoreError(`Cannot write the author store ${file}: ${(error as Error).message}`)
  }
}

export function findAuthor(file: string, email: string): StoredAuthor | undefined {
  const wanted = normalizeEmail(email)
  return readAuthors(file).find((author) => author.email === wanted)
}

export async function addAuthor(file: string, input: { email: string; name?: string; password: string }): Promise<StoredAuthor> {
  const email = normalizeEmail(input.email)
  if (!EMAIL_PATTERN.test(email)) throw new AuthorStoreError(`"${input.email}" is not an email address`)
  const problem = passwordProblem(input.password)
  if (problem) throw new AuthorStoreError(`The password ${problem}`)
  const authors = readAuthors(file)
  if (authors.some((author) => author.email === email)) throw new AuthorStoreError(`An author with the email ${email} already exists`)
  const author: StoredAuthor = {
    email,
    name: input.name?.trim() || email.split('@')[0],
    passwordHash: await hashPassword(input.password),
    createdAt: new Date().toISOString(),
  }
  writeAuthors(file, [...authors, author])
  return author
}

export function removeAuthor(file: string, email: string): void {
  const wanted = normalizeEmail(email)
  const authors = readAuthors(file)
  if (!authors.some((author) => author.email === wanted)) throw new AuthorStoreError(`No author has the email ${wanted}`)
  writeAuthors(
    file,
    authors.filter((author) => author.email !== wanted),
  )
}
