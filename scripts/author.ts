/**
 * `npm run author -- add <email> [--name "Name"] [--password-stdin]`
 * `npm run author -- remove <email>`
 * `npm run author -- signout <email>`   ends every session the author has
 * `npm run author -- list`
 * The store is AUTHORS_FILE, or .data/authors.json; changes take a file lock.
 */
import { createInterface } from 'node:readline'
import { AuthorStoreError, createFileAuthorStore } from '../lib/auth'
import { readServerConfig } from '../lib/config'

const USAGE = `Usage:
  npm run author -- add <email> [--name "Name"] [--password-stdin]
  npm run author -- remove <email>
  npm run author -- signout <email>
  npm run author -- list`

class UsageError extends Error {}

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name)
  if (index === -1) return undefined
  const value = args[index + 1]
  if (!value || value.startsWith('--')) throw new UsageError(`${name} needs a value`)
  return value
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
}

/** Prompts on the terminal without echoing what is typed. */
function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new UsageError('No terminal to prompt on: pipe the password in with --password-stdin')
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true })
    const output = rl as unknown as { _writeToOutput: (text: string) => void; output: NodeJS.WriteStream }
    output._writeToOutput = (text: string) => {
      if (text.includes(question)) output.output.write(text)
    }
    rl.question(question, (answer) => {
      rl.close()
      process.stdout.write('\n')
      resolve(answer)
    })
  })
}

async function main(args: string[]) {
  const { authorsFile } = readServerConfig()
  const store = createFileAuthorStore(authorsFile)
  const [command, email] = args
  if (command === 'list') {
    const authors = await store.list()
    if (authors.length === 0) console.log(`No authors in ${authorsFile}.`)
    for (const author of authors) console.log(`${author.email}\t${author.name}\tadded ${author.createdAt}`)
    return
  }
  if (command === 'add') {
    if (!email) throw new UsageError('add needs an email')
    const password = args.includes('--password-stdin') ? await readStdin() : await promptHidden('Password (at least 12 characters): ')
    const author = await store.add({ email, name: option(args, '--name'), password })
    console.log(`Added ${author.email} (${author.name}) to ${authorsFile}.`)
    return
  }
  if (command === 'remove') {
    if (!email) throw new UsageError('remove needs an email')
    await store.remove(email)
    console.log(`Removed ${email} from ${authorsFile}. Their sessions end on their next request.`)
    return
  }
  if (command === 'signout') {
    if (!email) throw new UsageError('signout needs an email')
    if (!(await store.find(email))) throw new AuthorStoreError(`No author has the email ${email}`)
    await store.endSessions(email)
    console.log(`Ended every session of ${email}.`)
    return
  }
  throw new UsageError(command ? `Unknown command "${command}"` : 'No command given')
}

main(process.argv.slice(2)).catch((error: Error) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`)
    process.exit(2)
  }
  console.error(error instanceof AuthorStoreError ? error.message : `Unexpected error: ${error.message}`)
  process.exit(1)
})
