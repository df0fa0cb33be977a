/**
 * The README's commands, run as written in a fresh copy of this working tree
 * (its files as a clone has them: no node_modules, build, content store or
 * .data): the quick start, writing a post and then the tests, the author
 * commands, and the one-process deployment, then docs/deployment.md's release
 * steps. A documented command that does not work as written fails here.
 *
 * Only what a reader would change is changed: PORT (a free port, since 3000 may
 * be taken), and paths under /srv and /etc, which move into a temporary folder.
 * The copy's content/ is the site as shipped (__tests__/fixtures/seed), so what a
 * site owner keeps in content/ never changes this test's result.
 *
 * Lean, as it runs inside `npm test`: npm installs from its cache without asking
 * the registry about each package or auditing (the lockfile's integrity hashes make
 * the tree the same); single-threaded steps (tsc, the units) share the two cores,
 * while each build runs alone; the second build reuses the first's cache, as a
 * reader's would; and the quick steps after it run side by side.
 */
import assert from 'node:assert/strict'
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import sharp from 'sharp'
import { slugify } from '../../lib/markdown'
import { freePort } from '../../scripts/lib/process'
import { syntheticPhoto } from '../../scripts/lib/synthetic-photo'
import { SEED_CONTENT } from '../../scripts/lib/test-content'

const ROOT = path.resolve(__dirname, '..', '..')
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
const DEPLOYMENT = readFileSync(path.join(ROOT, 'docs/deployment.md'), 'utf8')

/** The fenced code blocks of the section under `heading` (up to the next heading of its level or above). */
function codeBlocks(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n')
  const start = lines.findIndex((line) => /^#+ /.test(line) && line.replace(/^#+ /, '') === heading)
  assert.ok(start > -1, `a section "${heading}"`)
  const level = lines[start].indexOf(' ')
  const end = lines.findIndex((line, index) => index > start && /^#+ /.test(line) && line.indexOf(' ') <= level)
  const section = lines.slice(start + 1, end === -1 ? undefined : end).join('\n')
  return [...section.matchAll(/^```\w*\n([\s\S]*?)^```$/gm)].map((match) => match[1])
}

/** The commands of a shell block, one per line, comments and blank lines left out. */
const commandLines = (block: string) =>
  block
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line && !line.startsWith('#'))

/** The README's "Variable" column: every variable a reader might set, which a fresh shell has not. */
const DOCUMENTED_VARIABLES = [...README.matchAll(/^\| `([A-Z_]+)`(?:, `([A-Z_]+)`)? \|/gm)].flatMap((match) => match.slice(1).filter(Boolean))

/**
 * A reader's shell on this machine: its own environment (locale, proxies, CA certificates the
 * registry needs), without the suite's variables, npm's run-script ones, or any the README documents.
 */
function freshShellEnvironment(): NodeJS.ProcessEnv {
  const suite = ['BASE_URL', 'NODE_ENV', 'INIT_CWD', 'NEXT_DIST_DIR', 'CONTENT_DIR', 'NEXT_PHASE']
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const name of Object.keys(env))
    if (
      name.startsWith('npm_') ||
      name.startsWith('E2E_') ||
      suite.includes(name) ||
      (DOCUMENTED_VARIABLES.includes(name) && name !== 'CHROMIUM_PATH')
    )
      delete env[name]
  return env
}

/** A server or long command the test started: its output so far, and a way to stop its whole process group. */
type Running = { child: ChildProcess; output: () => string; exited: Promise<number | null>; stop: () => Promise<void> }

function startShell(command: string, cwd: string, env: NodeJS.ProcessEnv): Running {
  const child = spawn('bash', ['-c', command], { cwd, env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] })
  let output = ''
  for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return {
    child,
    output: () => output,
    exited,
    // Over when every process of its group is gone, not only the shell: a server the shell started may still
    // hold its port for a moment after the shell exits, and the next step's server would find it answering.
    stop: async () => {
      if (groupGone(child.pid!)) return
      signalGroup(child.pid!, 'SIGTERM')
      const killAt = Date.now() + 10_000
      const giveUpAt = killAt + 5_000
      while (!groupGone(child.pid!) && Date.now() < giveUpAt) {
        if (Date.now() > killAt) signalGroup(child.pid!, 'SIGKILL')
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      await exited
    },
  }
}

/** Signals the group `pid` leads; a group already gone is no error. */
function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    // gone already
  }
}

/** Whether no process of the group `pid` leads is left. */
function groupGone(pid: number): boolean {
  try {
    process.kill(-pid, 0)
    return false
  } catch {
    return true
  }
}

/** Runs a command to its end; fails the test, with its output, unless it exits 0. */
async function runShell(command: string, cwd: string, env: NodeJS.ProcessEnv, timeoutMs = 10 * 60_000): Promise<string> {
  const run = startShell(command, cwd, env)
  const timer = setTimeout(() => void run.stop(), timeoutMs)
  const code = await run.exited
  clearTimeout(timer)
  assert.equal(code, 0, `\`${command}\` exited with ${code}:\n${run.output().slice(-4000)}`)
  return run.output()
}

/** Waits until `pattern` appears in the output, or fails if the command ends first. */
async function waitFor(run: Running, pattern: RegExp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!pattern.test(run.output())) {
    if (run.child.exitCode !== null) assert.fail(`exited with ${run.child.exitCode} before printing ${pattern}:\n${run.output().slice(-4000)}`)
    if (Date.now() > deadline) assert.fail(`no ${pattern} within ${timeoutMs} ms:\n${run.output().slice(-4000)}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** Waits for a server's first answer, failing if its command exits first. */
async function waitForServer(run: Running, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (run.child.exitCode !== null) assert.fail(`exited with ${run.child.exitCode} before ${url} answered:\n${run.output().slice(-4000)}`)
    try {
      if ((await fetch(url, { redirect: 'manual' })).status < 500) return
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) assert.fail(`${url} did not answer within ${timeoutMs} ms:\n${run.output().slice(-4000)}`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

/**
 * The files of this working tree that a clone would have (tracked or new, not ignored), copied into `dir`,
 * with the shipped seed site as its content/ in place of this site's own posts.
 */
function copyWorkingTree(dir: string): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\0')
  for (const file of files.filter((name) => name && !name.startsWith('content/'))) {
    const from = path.join(ROOT, file)
    if (!existsSync(from)) continue
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    cpSync(from, path.join(dir, file))
  }
  cpSync(SEED_CONTENT, path.join(dir, 'content'), { recursive: true })
}

/**
 * npm's settings for the copies' installs: packages come from the cache this machine already has (asking the
 * registry only for what is missing), with no audit or funding request. What is installed is the lockfile's,
 * checked against its integrity hashes either way; only the network round trips go.
 */
const NPM_FROM_CACHE = { npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' }

describe('the README, followed as written in a fresh clone', () => {
  let workDir = ''
  let clone = ''
  let port = 0
  const env: NodeJS.ProcessEnv = { ...freshShellEnvironment(), ...NPM_FROM_CACHE }
  const site = () => `http://127.0.0.1:${port}`
  const [quickStart, testCommand] = commandLines(codeBlocks(README, 'Quick start')[0])
  const [install, start] = quickStart.split(' && ')

  before(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), 'sandbank-readme-'))
    clone = path.join(workDir, 'sandbank')
    copyWorkingTree(clone)
    port = await freePort()
    env.PORT = String(port)
  })
  after(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true })
  })

  test('quick start, its first half: `npm ci` installs without engine warnings', { timeout: 10 * 60_000 }, async () => {
    assert.equal(quickStart, 'npm ci && npm start')
    assert.equal(testCommand, 'npm test')
    const output = await runShell(install, clone, env)
    assert.doesNotMatch(output, /EBADENGINE/, 'every package supports the Node the README names')
  })

  // Two single-threaded steps, one core each; each in a folder of its own, so neither sees the other's content build.
  describe('on the fresh install', { concurrency: true }, () => {
    test('`npm run typecheck` works with no content build yet', { timeout: 5 * 60_000 }, async () => {
      assert.equal(existsSync(path.join(clone, '.contentlayer')), false, 'no content build yet')
      const typecheck = README.match(/^\| `(npm run typecheck)` \|/m)?.[1]
      assert.ok(typecheck, 'the README lists npm run typecheck')
      await runShell(typecheck, clone, env)
    })

    test(
      'writing a post as the README shows, with its pictures, and then `npm test` (lint, format, the units) still passes',
      { timeout: 10 * 60_000 },
      async () => {
        // A second copy of the tree, with the packages the first one's `npm ci` installed from the same lockfile.
        const withPost = path.join(workDir, 'with-a-post')
        copyWorkingTree(withPost)
        symlinkSync(path.join(clone, 'node_modules'), path.join(withPost, 'node_modules'), 'dir')
        const example = codeBlocks(README, 'Writing a post').find((block) => block.startsWith('---\ntitle:'))
        assert.ok(example, 'an example post')
        const title = /^title: "([^"]+)"/m.exec(example)![1]
        const seedTitles = readdirSync(path.join(SEED_CONTENT, 'posts')).map(
          (file) => /^title: "([^"]+)"/m.exec(readFileSync(path.join(SEED_CONTENT, 'posts', file), 'utf8'))?.[1],
        )
        assert.ok(!seedTitles.includes(title), `the example's title, "${title}", is not a seed post's`)
        // The bundle form, with every picture the example names beside it.
        const dir = path.join(withPost, 'content/posts', slugify(title))
        mkdirSync(dir, { recursive: true })
        writeFileSync(path.join(dir, 'index.mdx'), example)
        const pictures = [...example.matchAll(/(?:src="|\(|image: )(\.\/[\w-]+\.(?:jpg|png))/g)].map((match) => match[1])
        assert.ok(pictures.length > 0, 'the example shows pictures')
        for (const [index, picture] of pictures.entries()) {
          const photo = await syntheticPhoto({ width: 1200, height: 800, seed: index + 1 })
          writeFileSync(path.join(dir, picture), picture.endsWith('.png') ? await sharp(photo).png().toBuffer() : photo)
        }
        await runShell('npm run content', withPost, env)
        // The end-to-end half builds only its fixtures (scripts/test.ts), never content/, so the units are what a post could break
        // here; running the end-to-end half again inside the suite would add a second full build and its tests (about 7 minutes).
        const output = await runShell(`${testCommand} -- --unit-only`, withPost, env)
        assert.match(output, /Tests:\s+(\d+ skipped, )?\d+ passed/)
      },
    )
  })

  test('quick start, its second half: `npm start` builds, and serves the blog on this machine, quietly', { timeout: 15 * 60_000 }, async () => {
    const server = startShell(start, clone, env)
    try {
      await waitFor(server, /password:\s+\S+/, 12 * 60_000)
      await waitForServer(server, site() + '/', 60_000)
      const home = await fetch(site() + '/')
      assert.equal(home.status, 200)
      assert.match(await home.text(), /href="\/posts\//)
      const output = server.output()
      assert.doesNotMatch(output, /EBADENGINE/, 'every package supports the Node the README names')
      assert.doesNotMatch(output, /WARNING/, 'a server on this machine, at a local address: nothing to warn about')
      assert.match(output, new RegExp(`sign in:\\s+http://localhost:${port}/signin`))
    } finally {
      await server.stop()
    }
  })

  test('the author commands: add (prompting for the password without echo), remove, signout, list', { timeout: 5 * 60_000 }, async () => {
    const [add, remove, signout, list] = commandLines(codeBlocks(README, 'Quick start')[1])
    assert.match(add, /^npm run author -- add you@example\.org --name "Your Name"$/)
    // `add` prompts on a terminal: `script` gives it one, and the password is typed once the prompt shows.
    const password = 'a password for the README test'
    const adding = startShell(`script -qec '${add.replace(/'/g, `'\\''`)}' /dev/null`, clone, env)
    await waitFor(adding, /Password/, 60_000)
    adding.child.stdin!.write(password + '\n')
    assert.equal(await adding.exited, 0, adding.output())
    assert.match(adding.output(), /Added you@example\.org \(Your Name\)/)
    assert.ok(!adding.output().includes(password), 'the password is not echoed')
    assert.match(await runShell(remove, clone, env), /Removed author@localhost/)
    assert.match(await runShell(signout, clone, env), /Ended every session of you@example\.org/)
    const listed = await runShell(list, clone, env)
    assert.match(listed, /you@example\.org\tYour Name/)
    assert.doesNotMatch(listed, /author@localhost/)
  })

  describe('one process', () => {
    const blocks = () => codeBlocks(README, 'One process').map(commandLines)
    /** The shell the section's commands share: its first line exports the settings, once. */
    let shell = env

    test(
      'the documented build and `npm start` serve https addresses with Secure cookies, the given secret and no warning',
      { timeout: 15 * 60_000 },
      async () => {
        const [[settings, ...rest]] = blocks()
        assert.match(settings, /^export SITE_URL=https:\/\/blog\.example\.org NEXTAUTH_SECRET=/)
        const exported = await runShell(
          `${settings}\nnode -p 'JSON.stringify({ SITE_URL: process.env.SITE_URL, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET })'`,
          clone,
          env,
        )
        shell = { ...env, ...(JSON.parse(exported) as NodeJS.ProcessEnv) }
        const server = startShell(rest.join('\n'), clone, shell)
        try {
          await waitForServer(server, site() + '/', 12 * 60_000)
          const output = server.output()
          assert.doesNotMatch(output, /WARNING/)
          assert.doesNotMatch(output, /generated a random one|using the auth secret saved/, 'the secret given, not one from .data')
          const post = await fetch(site() + '/posts/shifting-digital-sands')
          assert.match(await post.text(), /<link rel="canonical" href="https:\/\/blog\.example\.org\/posts\/shifting-digital-sands"/)
          assert.match(post.headers.get('strict-transport-security') ?? '', /max-age=/)
          const signin = await fetch(site() + '/signin')
          const csrf = signin.headers.getSetCookie().find((cookie) => cookie.includes('next-auth.csrf-token'))
          assert.match(csrf ?? '', /^__Host-next-auth\.csrf-token=.*; Secure/i, 'an https site sets its CSRF cookie Secure')
        } finally {
          await server.stop()
        }
      },
    )

    test('`npm start` without the build’s settings stops, naming the secret, rather than serving with another', { timeout: 2 * 60_000 }, async () => {
      const run = startShell('npm start', clone, env)
      assert.equal(await run.exited, 1)
      assert.match(run.output(), /NEXTAUTH_SECRET is not set, though one was given to this build/)
      const local = startShell(`SITE_URL=http://localhost:${port} npm start`, clone, shell)
      assert.equal(await local.exited, 1)
      assert.match(local.output(), new RegExp(`SITE_URL is http://localhost:${port}, but this build was made for https://blog\\.example\\.org`))
    })

    // Quick steps on the one-process build, side by side; each server on its own port, each release in its own folder.
    describe('the release, and docs/deployment.md’s steps', { concurrency: true }, () => {
      test('the release (deploy/release.sh) serves with only Node: styles, posts and search', { timeout: 5 * 60_000 }, async () => {
        const server = startShell(blocks()[1].join('\n'), clone, shell)
        try {
          await waitForServer(server, site() + '/', 3 * 60_000)
          const home = await (await fetch(site() + '/')).text()
          const stylesheet = /<link rel="stylesheet" href="([^"]+\.css)"/.exec(home)?.[1]
          assert.ok(stylesheet, 'a stylesheet')
          assert.equal((await fetch(site() + stylesheet)).status, 200)
          assert.equal((await fetch(site() + '/posts/shifting-digital-sands')).status, 200)
          assert.equal((await fetch(site() + '/api/search?q=digital')).status, 200)
        } finally {
          await server.stop()
        }
      })

      test('docs/deployment.md: a release, its static files and the `current` link, as step 2 makes them', { timeout: 5 * 60_000 }, async () => {
        const srv = path.join(workDir, 'srv')
        const steps = commandLines(codeBlocks(DEPLOYMENT, '2. Build and release')[0])
        const fromRelease = steps.slice(steps.findIndex((line) => line.startsWith('release=')))
        await runShell(fromRelease.join('\n').replaceAll('/srv/sandbank', path.join(srv, 'sandbank')), clone, env)
        const current = path.join(srv, 'sandbank/current')
        assert.ok(lstatSync(current).isSymbolicLink())
        assert.ok(existsSync(path.join(readlinkSync(current), 'server.js')))
        const chunks = readdirSync(path.join(srv, 'sandbank/static/chunks'))
        assert.ok(
          chunks.some((file) => file.endsWith('.js')),
          'the static chunks where nginx serves them',
        )
      })
    })

    describe('a server run in place, and a build without SITE_URL', { concurrency: true }, () => {
      test('a server run from .next/standalone in place says how to run it instead', { timeout: 2 * 60_000 }, async () => {
        const server = startShell('HOSTNAME=127.0.0.1 node .next/standalone/server.js', clone, shell)
        try {
          await waitForServer(server, site() + '/', 60_000)
          await fetch(site() + '/posts/shifting-digital-sands')
          await waitFor(server, /No content store/, 30_000)
          assert.match(server.output(), /deploy\/release\.sh/)
        } finally {
          await server.stop()
        }
      })

      test('`npm run build` without SITE_URL warns before it builds, naming SITE_URL and what breaks', { timeout: 2 * 60_000 }, async () => {
        const build = startShell('npm run build', clone, { ...env, NEXT_DIST_DIR: '.next-unused' })
        try {
          await waitFor(build, /WARNING \(SITE_URL\)[\s\S]*sign-in cookies/, 60_000)
          for (const what of ['SITE_URL is not set', 'Open Graph cards', 'feeds', 'canonical links']) assert.ok(build.output().includes(what), what)
        } finally {
          await build.stop()
        }
      })
    })
  })
})
