/**
 * For the production-shape tests: a stack (scripts/lib/stack.ts) started on free
 * loopback ports from the e2e build, and an HTTPS client that trusts its
 * self-signed certificate and nothing else.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { connect as connectHttp2 } from 'node:http2'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { httpsRequest, type Reply } from '../../scripts/lib/https-request'
import { freePort } from '../../scripts/lib/process'
import { startStack, type Stack } from '../../scripts/lib/stack'
import { CookieJar, DIST_DIR } from './helpers'

export type { Reply }

export type TestStack = Stack & {
  /** Every line the stack's processes printed, prefixed with their names. */
  log: string[]
  get: (pathname: string, headers?: Record<string, string>) => Promise<Reply>
  post: (pathname: string, body: string, headers?: Record<string, string>) => Promise<Reply>
  /** Any other method (TRACE, OPTIONS…). */
  request: (method: string, pathname: string, headers?: Record<string, string>) => Promise<Reply>
  /** The protocol nginx agreed through ALPN. */
  negotiatedProtocol: () => Promise<string>
  close: () => Promise<void>
}

export async function startTestStack(): Promise<TestStack> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sandbank-stack-'))
  const log: string[] = []
  const httpsPort = await freePort()
  const stack = await startStack({
    dataDir,
    distDir: DIST_DIR,
    replicas: 2,
    httpsPort,
    httpPort: await freePort(),
    workerProcesses: 1,
    // The processes serve the site at nginx's https address, as a deployment's SITE_URL says: Secure, __Secure- cookies.
    env: { ...process.env, SITE_URL: `https://localhost:${httpsPort}`, NEXTAUTH_URL: '' },
    // Each process its own data folder, as on separate machines: whatever they agree on, they agree on through Redis.
    appEnv: (index) => ({ DATA_DIR: path.join(dataDir, `app-${index}`), AUTHORS_FILE: path.join(dataDir, `app-${index}`, 'authors.json') }),
    write: (line) => {
      log.push(line)
      // Warnings and the stack's own messages reach the test output; the rest stays in `log`.
      if (/sandbank:|error|warn|emerg|crit/i.test(line) && !/^\[redis\]/.test(line)) console.error(line)
    },
  }).catch((error) => {
    rmSync(dataDir, { recursive: true, force: true })
    throw error
  })
  const { hostname, port } = new URL(stack.url)
  const target = { port: Number(port), servername: hostname, ca: readFileSync(stack.certificate.cert) }

  return {
    ...stack,
    log,
    get: (pathname, headers = {}) => httpsRequest(target, 'GET', pathname, headers),
    post: (pathname, body, headers = {}) => httpsRequest(target, 'POST', pathname, headers, body),
    request: (method, pathname, headers = {}) => httpsRequest(target, method, pathname, headers),
    negotiatedProtocol: () =>
      new Promise((resolve, reject) => {
        const session = connectHttp2(`https://127.0.0.1:${port}`, { ca: target.ca, servername: hostname })
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
  const reply = await stack.post('/api/auth/callback/credentials', body, {
    cookie: jar.header(),
    'content-type': 'application/x-www-form-urlencoded',
  })
  jar.store(reply.headers)
  return reply
}
