/** Notices of new comments go out through nodemailer to a real SMTP server (smtp-server, as the e2e harness runs it) on a free loopback port. */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { simpleParser } from 'mailparser'
import { sendCommentNotice, type StoredComment } from '@/lib/comments'
import { startMailCatcher, type MailCatcher } from '@/scripts/lib/mail-catcher'
import { tempDir } from '../../fixtures'

let catcher: MailCatcher
const dir = tempDir()
const received = () =>
  readdirSync(dir).map((name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as { from: string; to: string[]; data: string })

beforeAll(async () => {
  catcher = await startMailCatcher(dir)
})
afterAll(async () => {
  await catcher.close()
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
    { smtpUrl: catcher.url, from: 'Blog <comments@blog.example.org>' },
    ['one@example.org', 'two@example.org'],
    {
      comment,
      postTitle: 'A post',
      moderationUrl: 'https://blog.example.org/drafts/comments',
      siteName: 'Blog',
    },
  )
  expect(accepted.sort()).toEqual(['one@example.org', 'two@example.org'])
  expect(received()).toHaveLength(1)
  const [mail] = received()
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
  const before = received().length
  expect(await sendCommentNotice({ smtpUrl: catcher.url, from: 'x@example.org' }, [], {} as never)).toEqual([])
  expect(received().length).toBe(before)
})
