/**
 * Checks run once as a server process starts (from instrumentation.ts, Node
 * runtime only). An author store that cannot be read stops the server here,
 * with the file and the bad entry named, rather than failing later on a
 * visitor's sign-in.
 */
import { readAuthors } from './author-store'

export function checkAuthorStoreOrExit(authorsFile: string): void {
  try {
    readAuthors(authorsFile)
  } catch (error) {
    console.error(`sandbank: ${(error as Error).message}. Fix or restore the file, then start the server again.`)
    process.exit(1)
  }
}
