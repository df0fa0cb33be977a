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

/**
 * Stops `npm start` and everything it started, by signalling its process
 * group: tsx, the script and `next start`. Signalling tsx alone is a race: tsx
 * gives the script 30 ms to say it got the signal and then kills it outright,
 * which on a busy machine leaves `next start` running, holding this file's
 * pipe open so the test never ends. Resolves once every holder of the
 * child's output has closed it.
 */
async function stopProcessGroup(child: ReturnType<typeof spawn>): Promise<void> {
  const closed = new Promise<void>((resolve) => (child.exitCode !== null && child.stdout?.closed ? resolve() : child.once('close', () => resolve())))
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name)
    } catch {
      // The group has already gone.
    }
  }
  signal('SIGTERM')
  const timer = setTimeout(() => signal('SIGKILL'), 15_000)
  await closed
  clearTimeout(timer)
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
  // Its own process group, so the test can stop every process it starts.
  const child = spawn(path.join(BIN, 'tsx'), ['scripts/start.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'], detached: true })
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
    await stopProcessGroup(child)
    rmSync(dataDir, { recursive: true, force: true })
  }
})
