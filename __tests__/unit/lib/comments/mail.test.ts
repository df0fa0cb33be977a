/** Notices of new comments go out through nodemailer to a real SMTP server (smtp-server) started here, on a free loopback port. */
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { sendCommentNotice, type StoredComment } from '@/lib/comments'

type Received = { from: string; to: string[]; data: string }

let server: SMTPServer
let port: number
const received: Received[] = []

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          data: Buffer.concat(chunks).toString('utf8'),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.server.address() as { port: number }).port
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

test("one email to every author: who commented on which post, the text, the moderation link, and never the commenter's email", async () => {
  const comment: StoredComment = {
    id: 'c-0123456789abcdef',
    post: 'a-post',
    name: 'Ann Reader',
    email: 'ann.private@example.org',
    text: 'First line\nsecond line',
    createdAt: '2025-01-01T00:00:00.000Z',
    status: 'pending',
  }
  const accepted = await sendCommentNotice(
    { smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Blog <comments@blog.example.org>' },
    ['one@example.org', 'two@example.org'],
    {
      comment,
      postTitle: 'A post',
      moderationUrl: 'https://blog.example.org/drafts/comments',
      siteName: 'Blog',
    },
  )
  expect(accepted.sort()).toEqual(['one@example.org', 'two@example.org'])
  expect(received).toHaveLength(1)
  const [mail] = received
  expect(mail.from).toBe('comments@blog.example.org')
  expect(mail.to.sort()).toEqual(['one@example.org', 'two@example.org'])
  const parsed = await simpleParser(mail.data)
  expect(parsed.subject).toBe('New comment on “A post” from Ann Reader')
  expect(parsed.text).toContain('https://blog.example.org/drafts/comments')
  expect(parsed.text).toContain('> First line\n> second line')
  expect(parsed.headers.get('auto-submitted')).toBe('auto-generated')
  expect(mail.data).not.toContain('ann.private')
})

test('no authors, no email', async () => {
  const before = received.length
  expect(await sendCommentNotice({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'x@example.org' }, [], {} as never)).toEqual([])
  expect(received.length).toBe(before)
})
