/**
 * A person's request for their data (UK GDPR), answered from the comment store the
 * servers use (Redis when REDIS_URL is set, else the files under DATA_DIR/comments):
 *   npm run comments -- export <email>   every comment sent with that email, as JSON on stdout
 *   npm run comments -- delete <email>   deletes them all, pending and approved
 *   npm run comments -- list             comments awaiting moderation, newest first
 * The moderation page (/drafts/comments) does the same for signed-in authors.
 */
import { CommentStoreError, commentStoreFor, commentStoreLocation, exportForPerson, normalizeCommentEmail } from '../lib/comments'
import { absoluteUrl, type ServerConfig } from '../lib/config'
import type { RedisClient } from '../lib/redis'
import { UsageError, runStoreCommand } from './lib/cli'
import { postUrl } from '../lib/routes'

const USAGE = `Usage:
  npm run comments -- export <email>   every comment sent with that email address, as JSON
  npm run comments -- delete <email>   delete every comment sent with that email address
  npm run comments -- list             comments awaiting moderation`

async function main(args: string[], config: ServerConfig, redis: RedisClient | undefined) {
  const store = commentStoreFor(config, redis)
  const where = commentStoreLocation(config)
  const [command, rawEmail] = args
  if (command === 'list') {
    const pending = await store.pending()
    if (pending.length === 0) console.log(`No comments are awaiting moderation in ${where}.`)
    for (const comment of pending) console.log(`${comment.createdAt}\t${comment.id}\t${comment.post}\t${comment.name}`)
    return
  }
  if (command !== 'export' && command !== 'delete') throw new UsageError(command ? `Unknown command "${command}"` : 'No command given')
  if (!rawEmail) throw new UsageError(`${command} needs an email address`)
  const email = normalizeCommentEmail(rawEmail)
  if (command === 'export') {
    const comments = await store.byEmail(email)
    process.stdout.write(
      JSON.stringify(
        exportForPerson(email, comments, (post) => absoluteUrl(postUrl({ slug: post }))),
        null,
        2,
      ) + '\n',
    )
    console.error(`${comments.length} comment${comments.length === 1 ? '' : 's'} sent with ${email}, from ${where}.`)
    return
  }
  const removed = await store.removeByEmail(email)
  console.log(`Deleted ${removed.length} comment${removed.length === 1 ? '' : 's'} sent with ${email} from ${where}.`)
  if (removed.some((comment) => comment.status === 'approved')) {
    console.log('Post pages show the change when they are next regenerated, within 5 minutes; the moderation page refreshes them at once.')
  }
}

runStoreCommand(USAGE, (error) => error instanceof CommentStoreError, main)
