/**
 * `npm test`: lint and format checks and the Jest units, then the end-to-end
 * suite against a real `next build` + `next start` with draft and scheduled
 * canary posts added, then the README's commands in a fresh clone (__tests__/docs).
 *   --unit-only / --e2e-only / --docs-only   run one part
 *   --only <text>                            run only the e2e files whose names contain <text> (and the units)
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import semver from 'semver'
import { buildSite } from './lib/build'
import { startMailCatcher } from './lib/mail-catcher'
import { SEED_CONTENT, e2eContentDir } from './lib/test-content'
import { BIN, CONTENTLAYER, ROOT, freePort, run, startNextServer, stopServer, waitForHttp } from './lib/process'

const args = new Set(process.argv.slice(2))
const onlyPart = ['--unit-only', '--e2e-only', '--docs-only'].find((part) => args.has(part))
const onlyIndex = process.argv.indexOf('--only')
const onlyFiles = onlyIndex > -1 ? process.argv[onlyIndex + 1] : undefined
const runUnits = !onlyPart || onlyPart === '--unit-only'
const runE2e = !onlyPart || onlyPart === '--e2e-only'
const runDocs = (!onlyPart || onlyPart === '--docs-only') && !onlyFiles

/**
 * Seconds after the build starts at which the "goes live" fixture post is dated: long enough
 * for the build and the stack tests' first look at it (00-stack), short enough not to idle.
 */
const LIVE_DELAY_SECONDS = 110
/**
 * Older published posts, all from 2013 and tagged `fixture-filler`, so the home
 * page, a tag and a year of the archive each have several pages to walk through.
 */
const FILLER_POSTS = 105
/** The WordPress export the suite's content imports (its old links are checked over HTTP). */
const WORDPRESS_FIXTURE = '__tests__/fixtures/wordpress/permalinks.xml'
/** Only the newest posts are built ahead, so the older fillers render on their first request. */
const PRERENDER_POSTS = 10

async function unitTests() {
  await run('npm', ['run', '--silent', 'lint'])
  await run('npm', ['run', '--silent', 'format:check'])
  // The units read the seed site as the tests know it (__tests__/fixtures/seed), never the owner's content/.
  await run(CONTENTLAYER, ['build'], { ...process.env, CONTENT_DIR: SEED_CONTENT })
  try {
    await run(path.join(BIN, 'jest'), ['--ci'])
  } finally {
    await restoreOwnContent()
  }
}

/**
 * Puts the site's own content/ back in .contentlayer/ for `npm run dev` and the editor's types, after
 * the tests built fixtures there. Removed first: Contentlayer rewrites the index but leaves the fixture
 * posts' JSON files behind. A content/ that does not build is the site's to fix, not a failed test: said, not thrown.
 */
async function restoreOwnContent() {
  rmSync(path.join(ROOT, '.contentlayer/generated'), { recursive: true, force: true })
  await run(CONTENTLAYER, ['build'], { ...process.env, CONTENT_DIR: '' }).catch((error: Error) =>
    console.warn(`sandbank: content/ did not build (${error.message}); \`npm run content\` says why. The tests ran on their own fixtures.`),
  )
}

async function e2eTests() {
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const liveAt = new Date(Date.now() + LIVE_DELAY_SECONDS * 1000)
  const workDir = await e2eContentDir({ liveAt, fillerPosts: FILLER_POSTS })
  // A WordPress export with every permalink structure, Polylang prefixes and non-Latin slugs, imported with
  // the importer's defaults, so the suite's build serves its redirects (__tests__/e2e/86-wordpress-migration.test.ts).
  await run(path.join(BIN, 'tsx'), [
    path.join(ROOT, 'scripts/import-wordpress.ts'),
    path.join(ROOT, WORDPRESS_FIXTURE),
    '--out',
    path.join(workDir, 'content/posts'),
  ])
  // The server emails authors about new comments through this local SMTP server; the tests read what it caught.
  const mailDir = path.join(workDir, 'mail')
  mkdirSync(mailDir)
  const mail = await startMailCatcher(mailDir)
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    CONTENT_DIR: path.join(workDir, 'content'),
    NEXT_DIST_DIR: '.next-e2e',
    SITE_URL: baseUrl,
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    AUTHORS_FILE: path.join(workDir, 'authors.json'),
    // Readers' comments (lib/comments) are kept here, never in the working copy's .data.
    DATA_DIR: path.join(workDir, 'data'),
    SMTP_URL: mail.url,
    SMTP_FROM: 'Sandbank e2e <comments@sandbank.test>',
    // The suite's server stands for a deployment behind one proxy: tests that send
    // X-Forwarded-For play that proxy, and the browser tests (no header) are one client.
    TRUSTED_PROXIES: '1',
    PRERENDER_POSTS: String(PRERENDER_POSTS),
  }
  rmSync(path.join(ROOT, '.next-e2e'), { recursive: true, force: true })
  // Built without the secret in its environment, which only its servers get: a build given one would stop every
  // server started with another (lib/config/build-settings.ts), and the tests start some with none or their own.
  // The build reads the same secret from DATA_DIR, as after `npm start` saved one, so the comment forms it
  // prerenders are signed with the key its servers check (lib/comments/token.ts).
  mkdirSync(env.DATA_DIR!, { recursive: true, mode: 0o700 })
  writeFileSync(path.join(env.DATA_DIR!, 'nextauth-secret'), `${env.NEXTAUTH_SECRET}\n`, { mode: 0o600 })
  await buildSite({ ...env, NEXTAUTH_SECRET: undefined })
  const server = startNextServer(port, env, 'inherit')
  try {
    await waitForHttp(baseUrl + '/')
    const files = readdirSync(path.join(ROOT, '__tests__/e2e'))
      .filter((file) => file.endsWith('.test.ts') && (!onlyFiles || file.includes(onlyFiles)))
      .sort()
      .map((file) => path.join('__tests__/e2e', file))
    await run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
      ...env,
      BASE_URL: baseUrl,
      E2E_DIST_DIR: path.join(ROOT, '.next-e2e'),
      E2E_WORK_DIR: workDir,
      E2E_MAIL_DIR: mailDir,
      E2E_LIVE_AT: liveAt.toISOString(),
      E2E_FILLER_POSTS: String(FILLER_POSTS),
      E2E_PRERENDER_POSTS: String(PRERENDER_POSTS),
    })
  } finally {
    await stopServer(server)
    await mail.close()
    rmSync(workDir, { recursive: true, force: true })
    await restoreOwnContent()
  }
}

/** The README's commands, followed in a fresh copy of this tree (__tests__/docs/readme.test.ts). */
async function docsTests() {
  await run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '__tests__/docs/readme.test.ts'])
}

/** The suite runs on the Node the project names: a run on another would prove nothing about it. */
function checkNodeVersion() {
  const { engines } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }
  if (!semver.satisfies(process.version, engines.node))
    throw new Error(
      `npm test runs on the Node that package.json names (${engines.node}), and this is ${process.version}. ` +
        'Install Node 22 LTS, or fetch it from the npm registry for this shell: source .ci/node.sh',
    )
}

async function main() {
  checkNodeVersion()
  if (runUnits) await unitTests()
  if (runE2e) await e2eTests()
  if (runDocs) await docsTests()
}

main().catch((error: Error) => {
  console.error(`\n${error.message}`)
  process.exit(1)
})
