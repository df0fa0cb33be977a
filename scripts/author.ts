/**
 * `npm run author -- add <email> [--name "Name"] [--password-stdin]`
 * `npm run author -- remove <email>`
 * `npm run author -- signout <email>`   ends every session the author has
 * `npm run author -- list`
 * `npm run author -- import [file]`     copies authors.json into Redis (REDIS_URL set)
 * The store is the one the servers use: Redis when REDIS_URL is set, else
 * AUTHORS_FILE or .data/authors.json (changes take a file lock).
 */
import path from 'node:path'
import { createInterface } from 'node:readline'
import { AuthorStoreError, authorStoreFor, authorStoreLocation, createRedisAuthorStore, readAuthors } from '../lib/auth'
import type { ServerConfig } from '../lib/config'
import type { RedisClient } from '../lib/redis'
import { UsageError, runStoreCommand } from './lib/cli'

const USAGE = `Usage:
  npm run author -- add <email> [--name "Name"] [--password-stdin]
  npm run author -- remove <email>
  npm run author -- signout <email>
  npm run author -- list
  npm run author -- import [authors.json]   with REDIS_URL set: copy a file's authors into Redis`

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

/** Copies a file's authors (hashes, session generations) into Redis; those already there are kept as they are. */
async function importIntoRedis(config: ServerConfig, redis: RedisClient | undefined, file: string) {
  if (!redis || !config.redisUrl) throw new UsageError('import copies authors into Redis: set REDIS_URL to the Redis the servers use')
  const authors = readAuthors(file)
  if (authors.length === 0) throw new AuthorStoreError(`No authors in ${file} to import.`)
  const { added, kept } = await createRedisAuthorStore(redis, config.redisUrl).importAuthors(authors, path.resolve(file))
  if (added.length > 0)
    console.log(`Copied ${added.length} of ${authors.length} authors from ${file} into ${authorStoreLocation(config)}: ${added.join(', ')}.`)
  if (kept.length > 0) console.log(`Already in Redis, kept as they are there: ${kept.join(', ')}.`)
  console.log(`While REDIS_URL is set the servers read authors from Redis only; keep ${file} as a backup or delete it.`)
}

async function main(args: string[], config: ServerConfig, redis: RedisClient | undefined) {
  const store = authorStoreFor(config, redis)
  const where = authorStoreLocation(config)
  const [command, email] = args
  if (command === 'import') return importIntoRedis(config, redis, email ?? config.authorsFile)
  if (command === 'list') {
    const authors = await store.list()
    if (authors.length === 0) console.log(`No authors in ${where}.`)
    for (const author of authors) console.log(`${author.email}\t${author.name}\tadded ${author.createdAt}`)
    return
  }
  if (command === 'add') {
    if (!email) throw new UsageError('add needs an email')
    const password = args.includes('--password-stdin') ? await readStdin() : await promptHidden('Password (at least 12 characters): ')
    const author = await store.add({ email, name: option(args, '--name'), password })
    console.log(`Added ${author.email} (${author.name}) to ${where}.`)
    return
  }
  if (command === 'remove') {
    if (!email) throw new UsageError('remove needs an email')
    await store.remove(email)
    console.log(`Removed ${email} from ${where}. Their sessions end on their next request.`)
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

runStoreCommand(USAGE, (error) => error instanceof AuthorStoreError, main)
