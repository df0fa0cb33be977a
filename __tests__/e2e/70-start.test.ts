import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { BIN, freePort } from '../../scripts/lib/process'
import { BASE_URL, CookieJar, DIST_DIR, ROOT } from './helpers'

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
    assert.doesNotMatch(output, /WARNING/, 'a server only this machine reaches, at a local address: nothing to warn about')
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

/**
 * Runs a server command to its end (or until `timeoutMs`) in a process group of its own, so that on a
 * timeout the whole group (npm start's `next start` too) is stopped; returns its exit code and output.
 */
function runToExit(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    let output = ''
    for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const timer = setTimeout(() => {
      process.kill(-child.pid!, 'SIGKILL')
      reject(new Error(`still running after ${timeoutMs} ms; printed:\n${output}`))
    }, timeoutMs)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
}

/** The environment of `npm start` on the suite's build, with nothing of the suite's own server configured. */
async function startEnvironment(dataDir: string, more: Record<string, string>): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(await freePort()), NEXT_DIST_DIR: path.basename(DIST_DIR) }
  for (const name of ['NEXTAUTH_SECRET', 'NEXTAUTH_URL', 'AUTHORS_FILE', 'SITE_URL', 'BIND_ADDRESS']) delete env[name]
  return { ...env, ...more }
}

test('npm start listening beyond this machine with a local SITE_URL warns, naming SITE_URL and what breaks', { timeout: 90_000 }, async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sandbank-start-'))
  try {
    // 192.0.2.1 (TEST-NET-1) is no address of this machine: the warning comes first, then the server cannot listen and stops.
    const { output } = await runToExit(path.join(BIN, 'tsx'), ['scripts/start.ts'], await startEnvironment(dataDir, { BIND_ADDRESS: '192.0.2.1' }))
    assert.match(
      output,
      /WARNING \(SITE_URL\): This server listens on 192\.0\.2\.1, so others can reach it, but its SITE_URL is http:\/\/localhost:\d+ \(SITE_URL is not set\)/,
    )
    for (const what of ['Open Graph cards', 'feeds', 'canonical links', 'sign-in cookies']) assert.ok(output.includes(what), `names ${what}`)
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
})

test('npm start with a SITE_URL the build was not made for stops before making anything, naming both addresses', { timeout: 90_000 }, async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sandbank-start-'))
  try {
    const { code, output } = await runToExit(
      path.join(BIN, 'tsx'),
      ['scripts/start.ts'],
      await startEnvironment(dataDir, { SITE_URL: 'https://blog.example.org' }),
    )
    assert.equal(code, 1)
    assert.ok(output.includes(`SITE_URL is https://blog.example.org, but this build was made for ${BASE_URL}`), output)
    assert.equal(existsSync(path.join(dataDir, 'nextauth-secret')), false, 'no secret generated for a server that does not start')
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
})

test(
  'a server process started on the build without npm start (next start, or a release’s server.js) stops on the same contradiction',
  { timeout: 90_000 },
  async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sandbank-start-'))
    try {
      const env = await startEnvironment(dataDir, { SITE_URL: 'https://blog.example.org', NODE_ENV: 'production' })
      const { code, output } = await runToExit(path.join(BIN, 'next'), ['start', '-p', env.PORT!, '-H', '127.0.0.1'], env)
      assert.equal(code, 1, output)
      assert.ok(output.includes(`SITE_URL is https://blog.example.org, but this build was made for ${BASE_URL}`), output)
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  },
)
