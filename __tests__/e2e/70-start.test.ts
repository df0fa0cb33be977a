import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { BIN, freePort } from '../../scripts/lib/process'
import { CookieJar, DIST_DIR, ROOT } from './helpers'

/** Reads a child's output until a pattern appears, or fails after a timeout. */
function waitForOutput(child: ReturnType<typeof spawn>, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; got:\n${output}`)), timeoutMs)
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (pattern.test(output)) {
        clearTimeout(timer)
        resolve(output)
      }
    })
  })
}

test('npm start with nothing configured makes a secret and an author, says where, and the author can sign in', { timeout: 120_000 }, async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sandbank-start-'))
  const port = await freePort()
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    BIND_ADDRESS: '127.0.0.1',
    NEXT_DIST_DIR: path.basename(DIST_DIR),
  }
  for (const name of ['NEXTAUTH_SECRET', 'NEXTAUTH_URL', 'AUTHORS_FILE', 'SITE_URL']) delete env[name]
  const child = spawn(path.join(BIN, 'tsx'), ['scripts/start.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] })
  try {
    const output = await waitForOutput(child, /Ready in|started server|Local:/i, 90_000)
    assert.match(output, new RegExp(`generated a random one and saved it to ${dataDir}/nextauth-secret \\(mode 0600\\)`))
    assert.equal(statSync(path.join(dataDir, 'nextauth-secret')).mode & 0o777, 0o600)
    const email = /email:\s+(\S+)/.exec(output)?.[1]
    const password = /password:\s+(\S+)/.exec(output)?.[1]
    assert.equal(email, 'author@localhost')
    assert.ok(password && password.length >= 20, 'a long random password')
    assert.match(output, new RegExp(`sign in:\\s+http://localhost:${port}/signin`))

    // The printed password works through the real next-auth flow on that server.
    const base = `http://127.0.0.1:${port}`
    const jar = new CookieJar()
    const csrf = await fetch(`${base}/api/auth/csrf`)
    jar.store(csrf.headers)
    const { csrfToken } = (await csrf.json()) as { csrfToken: string }
    const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, email: email!, password: password!, json: 'true' }),
    })
    jar.store(signIn.headers)
    assert.equal(signIn.status, 200)
    const drafts = await fetch(`${base}/api/drafts`, { headers: { cookie: jar.header() } })
    assert.equal(drafts.status, 200)
  } finally {
    child.kill('SIGTERM')
    rmSync(dataDir, { recursive: true, force: true })
  }
})
