import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { after, before } from 'node:test'
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core'
import { partPath, POINTER_FILE } from '../../lib/content/build'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/lib/chromium'
import { BIN, ROOT } from '../../scripts/lib/process'

export { ROOT }

export const BASE_URL = requiredEnv('BASE_URL')
export const DIST_DIR = requiredEnv('E2E_DIST_DIR')

/** The five seed posts, newest first, as the original blog's index had them. */
export const SEED_SLUGS = [
  'localgovdigital-a-day-with-gdsteam',
  'shifting-digital-sands',
  'hack-devon-county-council',
  'localgov-digital-free-usability-dashboard-beta',
  'localgovcamp-is-back-for-2014',
]

/** Every fixture draft and scheduled post, and the draft page, carries this in its slug, title and body. */
export const CANARY = 'qzcanary'

/** Each distinct piece of the fixture drafts: slugs, tag slugs, titles, summaries, body text. */
const CANARY_MARKERS = [
  'qzcanary-draft',
  'qzcanary-scheduled',
  'qzcanary-tag',
  'qzcanary-future',
  'qzcanary draft title',
  'qzcanary scheduled title',
  'qzcanary draft summary',
  'qzcanary scheduled summary',
  'qzcanary secret text',
  'qzcanary future text',
  'qzcanary heading',
  'qzcanary-page',
  'qzcanary page title',
  'qzcanary page summary',
  'qzcanary page text',
]

/**
 * The draft markers a response shows. A 404 or search page may echo the
 * address that was asked for, which the asker already knows, so the
 * requested path's own segments and query values are removed first.
 */
export function canaryMarkersIn(text: string, requested: string): string[] {
  const address = new URL(requested, 'http://x')
  const echoes = [...address.pathname.split('/'), ...address.searchParams.values()].filter((part) => part.length > 0)
  let lower = text.toLowerCase()
  for (const echo of echoes) lower = lower.split(echo.toLowerCase()).join('')
  return CANARY_MARKERS.filter((marker) => !echoes.includes(marker) && lower.includes(marker))
}

function requiredEnv(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests through \`npm test\``)
  return value
}

export function url(pathname: string): string {
  return new URL(pathname, BASE_URL).toString()
}

export async function get(pathname: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(url(pathname), { redirect: 'manual', ...init })
  return { status: response.status, headers: response.headers, text: await response.text() }
}

/** Every file below a folder, for scanning build output. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? listFiles(full) : [full]
  })
}

export function filesContaining(dir: string, needle: string): string[] {
  const lower = needle.toLowerCase()
  return listFiles(dir).filter((file) => readFileSync(file).toString('utf8').toLowerCase().includes(lower))
}

/** One part of one document in the content store the running build reads (lib/content/build.ts's layout). */
export function storePartFile(folder: string, slug: string, part: 'body' | 'html' | 'text'): string {
  const root = path.join(ROOT, '.contentlayer', 'store')
  const id = /contentStoreId = '([0-9a-f]+)'/.exec(readFileSync(path.join(root, POINTER_FILE), 'utf8'))?.[1]
  if (!id) throw new Error(`no content store pointer in ${root}`)
  return partPath(path.join(root, id), folder, slug, part)
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
}

/**
 * One Chromium for the tests of the file or suite that calls this: launched
 * before them, closed after. Returns a getter, as the browser exists only once they start.
 */
export function suiteBrowser(): () => Browser {
  let browser: Browser | undefined
  before(async () => {
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
  })
  return () => {
    if (!browser) throw new Error('The browser starts in before(); use it inside a test')
    return browser
  }
}

export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext(options)
  return context.newPage()
}

/**
 * Waits until React has hydrated the page and run its effects, so clicks and
 * keys reach the client islands rather than the bare server HTML. React marks
 * each hydrated element with a `__reactFiber…` key; the header's theme toggle
 * is on every page. The extra frame lets effects (such as the `/` shortcut's
 * key listener) attach.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const toggle = document.querySelector('.theme-toggle')
    return toggle !== null && Object.keys(toggle).some((key) => key.startsWith('__reactFiber'))
  })
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))))
}

/** Runs axe-core in the page against the WCAG 2.0/2.1/2.2 A and AA rules. */
export async function axeViolations(page: Page): Promise<{ id: string; help: string; nodes: string[] }[]> {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
  await page.addScriptTag({ content: source })
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> }
      }
    ).axe
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
    })
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }))
  })
}

/** Cookies as a browser would keep them for one site: name → value, from Set-Cookie headers. */
export class CookieJar {
  private cookies = new Map<string, string>()

  store(headers: Headers): string[] {
    const setCookies = headers.getSetCookie()
    for (const line of setCookies) {
      const [pair] = line.split(';')
      const index = pair.indexOf('=')
      const name = pair.slice(0, index).trim()
      const value = pair.slice(index + 1).trim()
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    return setCookies
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  has(namePart: string): boolean {
    return [...this.cookies.keys()].some((name) => name.includes(namePart))
  }
}

/**
 * `npm run author` as an operator runs it, against the server's author store
 * (or the one `env` names). Asynchronous on purpose: a test that blocked for
 * the seconds the command takes would keep pooled keep-alive connections the
 * server closes meanwhile (after 5 s idle), and its next request would be
 * written to a closed one ("other side closed").
 */
export function authorCli(
  args: string[],
  input = '',
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(BIN, 'tsx'), ['scripts/author.ts', ...args], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, stdout, stderr }))
    child.stdin.end(input)
  })
}

export type SignInResult = { status: number; body: { url?: string; error?: string }; setCookies: string[] }

/** next-auth's real credentials flow: CSRF token and cookie, then the callback. `base` picks another server than the suite's. */
export async function signIn(
  jar: CookieJar,
  email: string,
  password: string,
  headers: Record<string, string> = {},
  base: string = BASE_URL,
): Promise<SignInResult> {
  const at = (pathname: string) => new URL(pathname, base).toString()
  const csrf = await fetch(at('/api/auth/csrf'), { headers: { cookie: jar.header(), ...headers } })
  jar.store(csrf.headers)
  const { csrfToken } = (await csrf.json()) as { csrfToken: string }
  const response = await fetch(at('/api/auth/callback/credentials'), {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: at('/drafts'), json: 'true' }),
  })
  const setCookies = jar.store(response.headers)
  return { status: response.status, body: (await response.json().catch(() => ({}))) as SignInResult['body'], setCookies }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** The content of a page's `<meta property|name=…>`, entities for `&` undone. */
export function metaContent(html: string, property: string): string | undefined {
  const tag = html.match(new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`))
  return tag?.[1].replace(/&amp;/g, '&')
}

/** Fetches a card and checks it is a 1200×630 PNG sent to be cached for good; returns its bytes. */
export async function fetchCard(cardUrl: string): Promise<Buffer> {
  const response = await fetch(cardUrl)
  assert.equal(response.status, 200, cardUrl)
  assert.equal(response.headers.get('content-type'), 'image/png', cardUrl)
  const cacheControl = response.headers.get('cache-control') ?? ''
  assert.match(cacheControl, /\bpublic\b/, cardUrl)
  assert.match(cacheControl, /\bimmutable\b/, cardUrl)
  assert.ok(Number(cacheControl.match(/max-age=(\d+)/)?.[1]) >= 31_536_000, `${cardUrl}: ${cacheControl}`)
  const png = Buffer.from(await response.arrayBuffer())
  assert.deepEqual(png.subarray(0, 8), PNG_SIGNATURE, `${cardUrl} is a PNG`)
  // The first chunk is IHDR: length, type, then width and height as big-endian 32-bit numbers.
  assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR')
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630], `${cardUrl} is 1200×630`)
  return png
}
