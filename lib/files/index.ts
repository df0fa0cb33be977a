/**
 * Data files that several processes on one machine change: each change runs
 * under an exclusive lock (proper-lockfile, `<file>.lock`), re-reads the file
 * inside it, and replaces the file in one rename, so a reader sees the old
 * content or the new, never half of either, and no concurrent change is lost.
 * The author store and the comment store use it.
 */
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import lockfile from 'proper-lockfile'

/** Turns a failure into the caller's own error type, with its message. */
export type FileErrorFactory = (message: string) => Error

/** The file's text, or undefined when it does not exist yet. */
export function readTextIfExists(file: string, fail: FileErrorFactory, what: string): string | undefined {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw fail(`Cannot read ${what} ${file}: ${(error as Error).message}`)
  }
}

/** Replaces the file in one rename, readable by its owner only. */
export function writeFileAtomically(file: string, content: string, fail: FileErrorFactory, what: string): void {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  try {
    writeFileSync(temporary, content, { mode: 0o600 })
    chmodSync(temporary, 0o600)
    renameSync(temporary, file)
  } catch (error) {
    rmSync(temporary, { force: true })
    throw fail(`Cannot write ${what} ${file}: ${(error as Error).message}`)
  }
}

/** Runs `change` holding the file's lock, shared by every process on the machine. */
export async function withFileLock<T>(file: string, change: () => T | Promise<T>, fail: FileErrorFactory, what: string): Promise<T> {
  let release: () => Promise<void>
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
    release = await lockfile.lock(file, {
      realpath: false,
      stale: 10_000,
      retries: { retries: 100, minTimeout: 10, maxTimeout: 100, randomize: true },
      // The default throws from a timer, which would take a server process down.
      onCompromised: (error) => console.error(`sandbank: lost the lock on ${what} ${file}: ${error.message}`),
    })
  } catch (error) {
    throw fail(`Cannot lock ${what} ${file}: ${(error as Error).message}`)
  }
  try {
    return await change()
  } finally {
    await release().catch(() => undefined)
  }
}
