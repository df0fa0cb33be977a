/**
 * For the production-shape tests: a stack (scripts/lib/stack.ts) started on free
 * loopback ports from the e2e build, and an HTTPS client that trusts its
 * self-signed certificate and nothing else.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { connect as connectHttp2 } from 'node:http2'
import { request } from 'node:https'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { freePort } from '../../scripts/lib/process'
import { startStack, type Stack } from '../../scripts/lib/stack'
import { CookieJar, DIST_DIR } from './helpers'

export type Reply = { status: number; headers: Headers; text: string }

export type TestStack = Stack & {
  /** Every line the stack's processes printed, prefixed with their names. */
  log: string[]
  get: (pathname: string, headers?: Record<string, string>) => Promise<Reply>
  post: (pathname: string, body: string, headers?: Record<string, string>) => Promise<Reply>
  /** The protocol nginx agreed through ALPN. */
  negotiatedProtocol: () => Promise<string>
  close: () => Promise<void>
}

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(raw)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one)
  }
  return headers
}

export async function startTestStack(): Promise<TestStack> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sandbank-stack-'))
  const log: string[] = []
  const stack = await startStack({
    dataDir,
    distDir: DIST_DIR,
    replicas: 2,
    httpsPort: await freePort(),
    httpPort: await freePort(),
    workerProcesses: 1,
    env: { ...process.env, NEXTAUTH_URL: '' },
    write: (line) => {
      log.push(line)
      // Warnings and the stack's own messages reach the test output; the rest stays in `log`.
      if (/sandbank:|error|warn|emerg|crit/i.test(line) && !/^\[redis\]/.test(line)) console.error(line)
    },
  }).catch((error) => {
    rmSync(dataDir, { recursive: true, force: true })
    throw error
  })
  const ca = readFileSync(stack.certificate.cert)
  const { hostname, port } = new URL(stack.url)

  const send = (method: string, pathname: string, headers: Record<string, string>, body?: string) =>
    new Promise<Reply>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, servername: hostname, ca, method, path: pathname, headers: { host: `${hostname}:${port}`, ...headers }, agent: false },
        (response) => {
          const chunks: Buffer[] = []
          response.on('data', (chunk: Buffer) => chunks.push(chunk))
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, headers: toHeaders(response.headers), text: Buffer.concat(chunks).toString('utf8') }),
          )
          response.on('error', reject)
        },
      )
      req.on('error', reject)
      req.end(body)
    })

  return {
    ...stack,
    log,
    get: (pathname, headers = {}) => send('GET', pathname, headers),
    post: (pathname, body, headers = {}) => send('POST', pathname, { 'content-length': String(Buffer.byteLength(body)), ...headers }, body),
    negotiatedProtocol: () =>
      new Promise((resolve, reject) => {
        const session = connectHttp2(`https://127.0.0.1:${port}`, { ca, servername: hostname })
        session.on('error', reject)
        session.on('connect', () => {
          resolve(session.alpnProtocol ?? 'none')
          session.close()
        })
      }),
    close: async () => {
      await stack.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** next-auth's credentials flow through nginx: CSRF token and cookie, then the callback. */
export async function signInThrough(stack: TestStack, jar: CookieJar, email: string, password: string): Promise<Reply> {
  const csrf = await stack.get('/api/auth/csrf', { cookie: jar.header() })
  jar.store(csrf.headers)
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string }
  const body = new URLSearchParams({ csrfToken, email, password, callbackUrl: `${stack.url}/drafts`, json: 'true' }).toString()
  const reply = await stack.post('/api/auth/callback/credentials', body, { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' })
  jar.store(reply.headers)
  return reply
}
