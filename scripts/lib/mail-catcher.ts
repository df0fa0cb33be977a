/**
 * A local SMTP server (smtp-server, nodemailer's own) for the end-to-end suite: it
 * accepts every message on a free loopback port and writes each one, with its
 * envelope, to a file in `dir`, where the tests read what the server under test sent.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { SMTPServer } from 'smtp-server'

export type MailCatcher = { url: string; close: () => Promise<void> }

export async function startMailCatcher(dir: string): Promise<MailCatcher> {
  let count = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        count += 1
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
        }
        writeFileSync(
          path.join(dir, `${String(count).padStart(4, '0')}.json`),
          JSON.stringify({ ...envelope, data: Buffer.concat(chunks).toString('utf8') }),
        )
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as { port: number }
  return { url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}
