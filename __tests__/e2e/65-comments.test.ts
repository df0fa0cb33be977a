/**
 * Readers' comments through the real build, in Chromium with JavaScript off: a
 * comment held, approved by a signed-in author and shown without a rebuild, a
 * reply, a rejection that leaves nothing in the store, markup shown as text, the
 * email never in an anonymous response, and every abuse refused. Each test that
 * posts comments comes from its own client address (the suite trusts one proxy
 * hop), so the per-client limit counts it alone.
 */
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { before, describe, test } from 'node:test'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { createFormToken, deriveFormTokenKey } from '../../lib/comments'
import { ROOT, freePort, startNextServer, stopServer, waitForHttp } from '../../scripts/lib/process'
import { CookieJar, authorCli, commentsCli, axeViolations, canaryMarkersIn, get, signIn, signedInContext, suiteBrowser, url } from './helpers'

const POST = '/posts/localgovcamp-is-back-for-2014'
const SLUG = 'localgovcamp-is-back-for-2014'
const COMMENTS = `${POST}/comments`
const IMPORTED = '/posts/imported-conversation'
const OFF = '/posts/no-comments-here'
const AUTHOR = 'comments.author@example.org'
const PASSWORD = 'moderating comments carefully'
const STORE_FILE = path.join(process.env.E2E_WORK_DIR ?? '', 'data', 'comments', `${SLUG}.json`)

const browser = suiteBrowser()
const session = new CookieJar()

/** Each caller its own documentation address (TEST-NET-2), so the per-client limit counts it alone. */
let nextAddress = 10
const freshClient = () => `198.51.100.${nextAddress++}`

before(async () => {
  const added = await authorCli(['add', AUTHOR, '--name', 'Comment Moderator', '--password-stdin'], PASSWORD)
  assert.equal(added.status, 0, added.stderr)
  assert.equal((await signIn(session, AUTHOR, PASSWORD, { 'x-forwarded-for': freshClient() })).status, 200)
})

/** A reader's browser with JavaScript off (on only where axe must run in the page), from its own address. */
async function readerPage(options: { colorScheme?: 'light' | 'dark'; client?: string; javaScript?: boolean } = {}): Promise<Page> {
  const context = await browser().newContext({
    javaScriptEnabled: options.javaScript ?? false,
    colorScheme: options.colorScheme ?? 'light',
    extraHTTPHeaders: { 'x-forwarded-for': options.client ?? freshClient() },
  })
  return context.newPage()
}

/** A signed-in author's browser (the session from signIn()), JavaScript off unless axe must run, from its own address. */
function authorContext(owner: Browser, colorScheme: 'light' | 'dark' = 'light', javaScript = false): Promise<BrowserContext> {
  return signedInContext(owner, session, { javaScriptEnabled: javaScript, colorScheme, extraHTTPHeaders: { 'x-forwarded-for': freshClient() } })
}

/**
 * Fills the form as a person would and sends it. A person takes more than two seconds to write a comment;
 * a post page rendered a moment ago (an approval regenerates it) carries a token that young.
 */
async function fillAndSend(page: Page, fields: { name: string; email?: string; website?: string; comment: string }): Promise<void> {
  const loadedAt = Date.now()
  await page.getByLabel('Your name').fill(fields.name)
  if (fields.email) await page.getByLabel('Email address (optional)').fill(fields.email)
  if (fields.website) await page.getByLabel('Your website (optional)').fill(fields.website)
  await page.getByLabel('Comment', { exact: true }).fill(fields.comment)
  const writing = loadedAt + 2100 - Date.now()
  if (writing > 0) await new Promise((resolve) => setTimeout(resolve, writing))
  await page.getByRole('button', { name: 'Send comment' }).click()
}

/** The comments kept for the post, read from the server's own store file. */
function storedComments(): { id: string; name: string; text: string; status: string; email?: string }[] {
  return existsSync(STORE_FILE) ? (JSON.parse(readFileSync(STORE_FILE, 'utf8')) as { comments: [] }).comments : []
}

/** Sends a comment as the form would (the token read from the page it came from), from `client`. */
async function postComment(fields: Record<string, string>, client: string, pathname = COMMENTS) {
  return fetch(url(pathname), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': client },
    body: new URLSearchParams(fields),
  })
}

/** The one email the harness's SMTP server caught that `matches`; it is sent after the answer, so it may take a moment. */
async function caughtMail(matches: (data: string) => boolean): Promise<{ from: string; to: string[]; data: string }> {
  const dir = process.env.E2E_MAIL_DIR ?? ''
  const started = Date.now()
  for (;;) {
    const found = readdirSync(dir)
      .map((name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as { from: string; to: string[]; data: string })
      .filter((mail) => matches(mail.data))
    if (found.length > 1) throw new Error(`${found.length} emails about one comment`)
    if (found.length === 1) return found[0]
    if (Date.now() - started > 10_000) throw new Error('no email about the comment within 10 s')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/**
 * A form the handler sent back: a 303 to the form page with its kept attempt, which shows it once.
 * Returns that page's HTML.
 */
async function sentBack(response: Response): Promise<string> {
  assert.equal(response.status, 303)
  const location = response.headers.get('location') ?? ''
  assert.match(location, new RegExp(`^${POST}/comment\\?attempt=[A-Za-z0-9_-]{24}$`))
  const page = await get(location)
  assert.equal(page.status, 200)
  assert.match(page.headers.get('cache-control') ?? '', /no-store/)
  const again = (await get(location)).text
  assert.ok(!again.includes('error-summary') && /<textarea[^>]*><\/textarea>/.test(again), 'shown once: the same address again is an empty form')
  return page.text
}

/**
 * A refusal the handler answers itself with the status (400 for a comment too long or with too many
 * links, 429 for the per-client limit): the form again, as HTML, with the error summary first, never cached,
 * with the site's security headers. Returns its HTML.
 */
async function refusedPage(response: Response, status: 400 | 429): Promise<string> {
  assert.equal(response.status, status)
  assert.equal(response.headers.get('location'), null)
  assert.match(response.headers.get('content-type') ?? '', /^text\/html; charset=utf-8/)
  assert.match(response.headers.get('cache-control') ?? '', /no-store/)
  assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'self'/)
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff')
  assert.equal(response.headers.get('x-frame-options'), 'DENY')
  const html = await response.text()
  assert.match(html, /^<!DOCTYPE html>/)
  assert.match(html, /<title>Error: /)
  assert.match(html, /<link rel="stylesheet" href="\/_next\/static\/[^"]+\.css"/, "the site's stylesheet")
  // GOV.UK: what went wrong comes first, announced (an error summary; for the limit, a banner with the page's h1).
  const summary = status === 429 ? '<div class="banner" role="alert">' : '<div class="error-summary" role="alert"'
  assert.ok(html.includes(summary) && html.indexOf(summary) < html.indexOf('<textarea'), 'the problem is stated before the form')
  return html
}

/** A token as the form page makes it, `ageMs` ago (signed with the key the build derived from NEXTAUTH_SECRET, which the harness set). */
function tokenAged(ageMs: number, slug = SLUG): string {
  return createFormToken(slug, deriveFormTokenKey(process.env.NEXTAUTH_SECRET) ?? '', Date.now() - ageMs)
}

async function approveInBrowser(name: string): Promise<number> {
  const context = await authorContext(browser())
  const page = await context.newPage()
  await page.goto(url('/drafts/comments'))
  await page.getByRole('button', { name: `Approve the comment from ${name}` }).click()
  await page.waitForURL(/\/drafts\/comments\?done=approved$/)
  const approvedAt = Date.now()
  assert.match((await page.locator('.notification-banner').textContent()) ?? '', /approved and is now on the post/)
  await context.close()
  return approvedAt
}

/** Polls the post until `check` passes, returning how long it took (the post is never rebuilt). */
async function untilPostShows(check: (html: string) => boolean, pathname = POST): Promise<number> {
  const started = Date.now()
  for (;;) {
    const { text } = await get(pathname)
    if (check(text)) return Date.now() - started
    if (Date.now() - started > 15_000) throw new Error(`${pathname} did not change within 15 s`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

describe('comments, with JavaScript off', () => {
  test('a comment is held, an author approves it, it shows on the post without a rebuild; then a reply', async () => {
    const reader = await readerPage()
    await reader.goto(url(POST))
    assert.equal(await reader.locator('.comment-held').isVisible(), false, 'the banner is hidden until a comment lands')
    await fillAndSend(reader, {
      name: 'Kerensa Reader',
      email: 'kerensa.private@example.org',
      website: 'https://kerensa.example.org',
      comment: 'Looking forward to it.\n\nSee https://localgovcamp.example.org/2014 for the venue.',
    })
    await reader.waitForURL(new RegExp(`${POST}#comment-held$`))
    assert.equal(await reader.locator('.comment-held').isVisible(), true, 'the notification banner shows for #comment-held')
    assert.match((await reader.locator('.comment-held').textContent()) ?? '', /Your comment is awaiting moderation/)
    assert.doesNotMatch(await reader.content(), /Looking forward to it/, 'held, not shown')
    const held = storedComments().find((comment) => comment.name === 'Kerensa Reader')
    assert.equal(held?.status, 'pending')
    // One email to the site's authors (SMTP_URL: the harness's local SMTP server), without the commenter's email.
    const mail = await caughtMail((data) => data.includes('Kerensa Reader'))
    assert.ok(mail.to.includes(AUTHOR), `sent to ${mail.to.join(', ')}`)
    assert.equal(mail.from, 'comments@sandbank.test')
    assert.match(mail.data, /\/drafts\/comments/)
    assert.doesNotMatch(mail.data, /kerensa\.private/)

    const approvedAt = await approveInBrowser('Kerensa Reader')
    const waited = await untilPostShows((html) => html.includes('Looking forward to it.'))
    console.log(`approve → visible on the post (plain server): ${Date.now() - approvedAt} ms (polled ${waited} ms)`)
    await reader.goto(url(POST))
    const comment = reader.locator(`article#${held!.id}`)
    assert.equal(await comment.locator('.comment-author a').getAttribute('href'), 'https://kerensa.example.org/')
    assert.equal(await comment.locator('.comment-author a').getAttribute('rel'), 'nofollow ugc')
    assert.equal(await comment.locator('.comment-body p').count(), 2)
    assert.equal(await comment.locator('.comment-body a').getAttribute('href'), 'https://localgovcamp.example.org/2014')
    assert.equal(await comment.locator('.comment-body a').getAttribute('rel'), 'nofollow ugc')
    assert.match((await comment.locator('time').textContent()) ?? '', /^\d{1,2} [A-Z][a-z]+ \d{4}$/)

    // Reply: the link opens the form on its own page with a fresh token; a person takes more than two seconds to write.
    await comment.getByRole('link', { name: 'Reply to Kerensa Reader' }).click()
    await reader.waitForURL(new RegExp(`${POST}/comment\\?reply=${held!.id}$`))
    assert.equal(await reader.locator('h1').textContent(), 'Reply to Kerensa Reader')
    await fillAndSend(reader, { name: 'Piran', comment: 'See you there, Kerensa.' })
    await reader.waitForURL(new RegExp(`${POST}#comment-held$`))
    await approveInBrowser('Piran')
    await untilPostShows((html) => html.includes('See you there, Kerensa.'))
    await reader.goto(url(POST))
    const thread = reader.locator('.comment-thread', { has: reader.locator(`article#${held!.id}`) })
    assert.equal(await thread.locator('.comment-replies article').count(), 1)
    assert.match((await thread.locator('.comment-replies').textContent()) ?? '', /See you there, Kerensa\./)
    // The post's JSON-LD counts the conversation.
    const jsonLd = JSON.parse((await reader.locator('script[type="application/ld+json"]').first().textContent()) ?? '{}') as { commentCount?: number }
    assert.ok((jsonLd.commentCount ?? 0) >= 2, `commentCount ${jsonLd.commentCount}`)
    await reader.context().close()
  })

  test('a rejected comment is gone from the store, and never shown', async () => {
    const reader = await readerPage()
    await reader.goto(url(POST))
    await fillAndSend(reader, { name: 'Rejected Reader', email: 'rejected.private@example.org', comment: 'Buy cheap watches.' })
    await reader.waitForURL(/#comment-held$/)
    const held = storedComments().find((comment) => comment.name === 'Rejected Reader')
    assert.ok(held, 'held in the store')
    const context = await authorContext(browser())
    const page = await context.newPage()
    await page.goto(url('/drafts/comments'))
    // The moderation page shows the email, and only it.
    assert.match(await page.content(), /rejected\.private@example\.org/)
    await page.getByRole('button', { name: 'Reject the comment from Rejected Reader' }).click()
    await page.waitForURL(/done=rejected$/)
    await context.close()
    assert.equal(
      storedComments().find((comment) => comment.id === held!.id),
      undefined,
      'deleted from the store file',
    )
    // `npm run comments -- export`, as an operator answers the person's request, finds nothing of it either.
    const result = await commentsCli(['export', 'rejected.private@example.org'])
    assert.equal(result.status, 0, result.stderr)
    assert.deepEqual((JSON.parse(result.stdout) as { comments: unknown[] }).comments, [])
    assert.doesNotMatch((await get(POST)).text, /Buy cheap watches/)
    await reader.context().close()
  })

  test('<script> in a comment is shown as text; imported comments keep their few tags, threaded one level deep, pingbacks apart', async () => {
    const client = freshClient()
    const form = await get(`${POST}/comment`)
    const token = /name="token" value="([^"]+)"/.exec(form.text)?.[1]
    assert.ok(token)
    await new Promise((resolve) => setTimeout(resolve, 2100))
    const sent = await postComment(
      { name: '<b>Mallory</b>', comment: '<script>window.commentScriptRan = true</script> <img src=x onerror=alert(1)>', token },
      client,
    )
    assert.equal(sent.status, 303)
    await approveInBrowser('<b>Mallory</b>')
    await untilPostShows((html) => html.includes('window.commentScriptRan'))
    // JavaScript on for this check: had any markup survived, it would run.
    const scripted = await browser().newPage()
    await scripted.goto(url(POST))
    assert.equal(await scripted.evaluate(() => (window as unknown as { commentScriptRan?: boolean }).commentScriptRan), undefined)
    const body = scripted.locator('.comment', { hasText: 'window.commentScriptRan' }).locator('.comment-body')
    assert.equal(await body.locator('script, img').count(), 0)
    assert.match((await body.textContent()) ?? '', /<script>window\.commentScriptRan = true<\/script> <img src=x onerror=alert\(1\)>/)
    assert.equal(await scripted.locator('.comment-author', { hasText: '<b>Mallory</b>' }).count(), 1)

    await scripted.goto(url(IMPORTED))
    const first = scripted.locator('article#wp-101')
    assert.deepEqual(
      await first.locator('.comment-body a').evaluateAll((links) => links.map((link) => [link.getAttribute('href'), link.getAttribute('rel')])),
      [
        ['https://www.gov.uk/service-manual', 'nofollow ugc'],
        ['mailto:morwenna@example.org', 'nofollow ugc'],
      ],
    )
    assert.equal(await first.locator('.comment-body p').count(), 2)
    assert.equal(await first.locator('.comment-body strong').textContent(), 'Thank you')
    const thread = scripted.locator('.comment-thread', { has: first })
    assert.deepEqual(await thread.locator('.comment-replies article').evaluateAll((items) => items.map((item) => item.id)), ['wp-102', 'wp-103'])
    assert.match((await scripted.locator('article#wp-103').textContent()) ?? '', /In reply to Digital Communications Manager/)
    assert.deepEqual(await scripted.locator('.comment-list > li > article').evaluateAll((items) => items.map((item) => item.id)), [
      'wp-101',
      'wp-105',
    ])
    assert.match((await scripted.locator('.comment-mentions').textContent()) ?? '', /Another Blog/)
    assert.equal(await scripted.locator('#comments-heading').textContent(), '4 comments')
    // Closed: the old conversation stays, no form, no reply links, and the post says so.
    assert.equal(await scripted.locator('form.comment-form').count(), 0)
    assert.equal(await scripted.getByRole('link', { name: /^Reply/ }).count(), 0)
    assert.match((await scripted.locator('#comments').textContent()) ?? '', /Comments are closed\./)
    await scripted.context().close()
  })

  test('comments: false shows none and takes none', async () => {
    const { status, text } = await get(OFF)
    assert.equal(status, 200)
    assert.doesNotMatch(text, /zzunseencomment|id="comments"|comment-form/)
    const refused = await postComment({ name: 'x', comment: 'y', token: tokenAged(5000, 'no-comments-here') }, freshClient(), `${OFF}/comments`)
    assert.equal(refused.status, 404)
    assert.equal((await get(`${OFF}/comment`)).status, 404)
  })

  test("the commenter's email is in no anonymous response: pages, RSC payloads, feeds, search, the form and its answers", async () => {
    const email = 'hidden.address@example.org'
    const client = freshClient()
    const sent = await postComment({ name: 'Hidden Address', email, comment: 'My email must stay private.', token: tokenAged(5000) }, client)
    assert.equal(sent.status, 303)
    assert.doesNotMatch(await sent.text(), /hidden\.address/)
    await approveInBrowser('Hidden Address')
    await untilPostShows((html) => html.includes('My email must stay private.'))
    const id = storedComments().find((comment) => comment.email === email)?.id
    assert.ok(id)
    for (const pathname of [
      POST,
      `${POST}/comment?reply=${id}`,
      `${POST}/comment`,
      '/feed.xml',
      '/atom.xml',
      '/feed.json',
      '/sitemap.xml',
      '/search?q=private',
      '/api/search?q=private&limit=10',
      '/',
    ]) {
      const reply = await get(pathname)
      assert.doesNotMatch(reply.text, /hidden\.address/, pathname)
    }
    // The page's inline RSC payload (what hydration reads) carries the comment, and nothing more of it.
    const payload = [...(await get(POST)).text.matchAll(/self\.__next_f\.push\((.*?)\)<\/script>/g)].map((match) => match[1]).join('')
    assert.match(payload, /My email must stay private/, 'the RSC payload carries the comment')
    assert.doesNotMatch(payload, /hidden\.address/)
  })
})

describe('comments refused', () => {
  test('a filled honeypot gets the usual answer, and the comment is dropped', async () => {
    const sent = await postComment({ name: 'Bot', comment: 'zzhoneypotcomment', url: 'https://spam.example', token: tokenAged(5000) }, freshClient())
    assert.equal(sent.status, 303)
    assert.equal(sent.headers.get('location'), `${POST}#comment-held`)
    assert.equal(
      storedComments().some((comment) => comment.text.includes('zzhoneypotcomment')),
      false,
    )
  })

  test('a form sent back within two seconds of being served, or with an expired or forged token, is refused with the text kept', async () => {
    const client = freshClient()
    const form = await get(`${POST}/comment`)
    assert.equal(form.status, 200)
    assert.match(form.headers.get('cache-control') ?? '', /no-store/)
    const token = /name="token" value="([^"]+)"/.exec(form.text)?.[1]
    assert.ok(token, 'the form page carries a token')
    const quickPage = await sentBack(await postComment({ name: 'Quick', comment: 'zzquickcomment typed in no time', token }, client))
    assert.match(quickPage, /class="error-summary"/)
    assert.match(quickPage, /sent very quickly after the page loaded/)
    assert.match(quickPage, /zzquickcomment typed in no time<\/textarea>/, 'the text is kept')
    assert.match(quickPage, /<title>Error: /)
    for (const [token, message] of [
      [tokenAged(25 * 3600_000), /The form had expired/],
      [tokenAged(5000, 'another-post'), /could not be checked/],
      ['', /could not be checked/],
    ] as const) {
      assert.match(await sentBack(await postComment({ name: 'Late', comment: 'zzlatecomment', token }, client)), message)
    }
    assert.equal(
      storedComments().some((comment) => /zzquickcomment|zzlatecomment/.test(comment.text)),
      false,
    )
  })

  test('a server that cannot reach its own port still sends a refused comment back to the form, every word kept', async () => {
    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    const noLoopback = path.join(ROOT, '__tests__', 'fixtures', 'no-loopback.cjs')
    const server = startNextServer(port, {
      ...process.env,
      SITE_URL: base,
      NEXTAUTH_URL: base,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${noLoopback}`,
    })
    try {
      await waitForHttp(`${base}/robots.txt`)
      const text = 'zzcutoff: typed by hand,\nkept whatever the server can reach'
      // Sent at once: refused as too quick, a problem the reader can fix.
      const fields = { name: 'Cut Off', email: 'cut.off@example.org', website: 'https://cut.example.org/', comment: text, token: tokenAged(0) }
      const sent = await fetch(`${base}${COMMENTS}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': freshClient() },
        body: new URLSearchParams(fields),
      })
      assert.ok(sent.status < 500, `answered ${sent.status}`)
      const page = await sent.text()
      assert.match(page, /class="error-summary"/)
      assert.match(page, /sent very quickly after the page loaded/)
      assert.ok(page.includes(`${text}</textarea>`), 'the comment is kept')
      assert.match(page, /value="Cut Off"/)
      assert.match(page, /value="cut\.off@example\.org"/)
      assert.match(page, /value="https:\/\/cut\.example\.org\/"/)
    } finally {
      await stopServer(server)
    }
  })

  test('the form shown again keeps every answer and names each problem in a GOV.UK error summary, in the browser too', async () => {
    const page = await readerPage()
    await page.goto(url(POST))
    await page.getByLabel('Email address (optional)').fill('not an email')
    await page.getByLabel('Comment', { exact: true }).fill('zzkeptcomment: my words survive the error')
    await page.getByRole('button', { name: 'Send comment' }).click()
    await page.waitForURL(new RegExp(`${POST}/comment\\?attempt=`))
    assert.match(await page.title(), /^Error: /)
    const summary = page.locator('.error-summary')
    assert.deepEqual(await summary.locator('a').allTextContents(), [
      'Enter your name',
      'Enter an email address in the correct format, like name@example.org, or leave it empty',
    ])
    assert.equal(await summary.locator('a').first().getAttribute('href'), '#comment-name')
    assert.equal(await page.getByLabel('Comment', { exact: true }).inputValue(), 'zzkeptcomment: my words survive the error')
    assert.equal(await page.getByLabel('Email address (optional)').inputValue(), 'not an email')
    assert.equal(await page.locator('#comment-name').getAttribute('aria-invalid'), 'true')
    // Fixed and sent again from this page: held.
    await page.getByLabel('Your name').fill('Corrected Reader')
    await page.getByLabel('Email address (optional)').fill('')
    await page.getByRole('button', { name: 'Send comment' }).click()
    await page.waitForURL(/#comment-held$/)
    assert.ok(storedComments().some((comment) => comment.name === 'Corrected Reader'))
    await page.context().close()
  })

  test('more than 5,000 characters or more than 10 links is a 400 with the form again, every answer kept', async () => {
    const client = freshClient()
    const long = 'x'.repeat(5001)
    const longPage = await refusedPage(
      await postComment({ name: 'Long <b>Reader</b>', email: 'long@example.org', comment: long, token: tokenAged(5000) }, client),
      400,
    )
    assert.match(longPage, /must be 5,000 characters or fewer; it has 5,001/)
    assert.ok(longPage.includes(`>${long}</textarea>`), 'the text is kept')
    assert.match(longPage, /value="Long &lt;b&gt;Reader&lt;\/b&gt;"/, 'the name is kept, escaped')
    assert.match(longPage, /value="long@example\.org"/)
    const links = Array.from({ length: 11 }, (_, i) => `https://spam${i}.example.org`).join(' ')
    const linkyPage = await refusedPage(await postComment({ name: 'Links', comment: links, token: tokenAged(5000) }, client), 400)
    assert.match(linkyPage, /10 links or fewer/)
    assert.ok(linkyPage.includes(`>${links}</textarea>`), 'the text is kept')
    assert.match(linkyPage, /value="Links"/)
    assert.match(linkyPage, /name="token" value="[^"]+"/, 'a token to send it again')
    assert.equal(
      storedComments().some((comment) => comment.name === 'Links' || comment.text === long),
      false,
    )
    const exactly = await postComment({ name: 'Exactly', comment: 'y'.repeat(5000), token: tokenAged(5000) }, client)
    assert.equal(exactly.status, 303)
  })

  test('the sixth comment in ten minutes from one client is a 429 with Retry-After and a clear page with the text kept; another client is not held up', async () => {
    const client = freshClient()
    for (let i = 1; i <= 5; i++) {
      const sent = await postComment({ name: `Busy ${i}`, comment: `zzbusy comment ${i}`, token: tokenAged(5000) }, client)
      assert.equal(sent.status, 303, `comment ${i}`)
    }
    const refused = await postComment(
      { name: 'Busy 6', website: 'https://busy.example.org/', comment: 'zzbusy comment 6', token: tokenAged(5000) },
      client,
    )
    const retryAfter = Number(refused.headers.get('retry-after'))
    assert.ok(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 600, `Retry-After: ${refused.headers.get('retry-after')}`)
    const page = await refusedPage(refused, 429)
    assert.match(page, /<h1>You have sent several comments in a short time<\/h1>/)
    assert.match(page, /Wait \d+ minutes? and send it again/)
    assert.match(page, />zzbusy comment 6<\/textarea>/)
    assert.match(page, /value="Busy 6"/)
    assert.match(page, /value="https:\/\/busy\.example\.org\/"/)
    assert.equal(
      storedComments().some((comment) => comment.name === 'Busy 6'),
      false,
    )
    assert.equal((await postComment({ name: 'Other', comment: 'zzother client', token: tokenAged(5000) }, freshClient())).status, 303)
  })

  test('comments on a draft, a scheduled post, a closed post or no post are 404, and say nothing of the draft', async () => {
    for (const slug of ['qzcanary-draft', 'qzcanary-scheduled', 'imported-conversation', 'no-such-post']) {
      const pathname = `/posts/${slug}/comments`
      const refused = await postComment({ name: 'x', comment: 'y', token: tokenAged(5000, slug) }, freshClient(), pathname)
      assert.equal(refused.status, 404, pathname)
      assert.deepEqual(canaryMarkersIn(await refused.text(), pathname), [])
      assert.equal((await get(`/posts/${slug}/comment`)).status, 404)
    }
    assert.ok(!storedComments().some((comment) => comment.text === 'y'))
  })

  test('moderation is for signed-in authors, and each form needs its CSRF token', async () => {
    const anonymous = await get('/drafts/comments')
    assert.equal(anonymous.status, 307)
    assert.match(anonymous.headers.get('location') ?? '', /\/signin\?callbackUrl=%2Fdrafts%2Fcomments/)
    const post = (body: Record<string, string>, cookie = '') =>
      fetch(url('/drafts/comments/moderate'), {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body: new URLSearchParams(body),
      })
    const pending = storedComments().find((comment) => comment.status === 'pending')
    assert.ok(pending, 'a comment is still waiting')
    assert.equal((await post({ id: pending.id, action: 'approve', csrfToken: 'x' })).status, 401)
    const forged = await post({ id: pending.id, action: 'approve', csrfToken: 'not the token' }, session.header())
    assert.equal(forged.status, 303)
    assert.match(forged.headers.get('location') ?? '', /problem=csrf/)
    assert.equal(storedComments().find((comment) => comment.id === pending.id)?.status, 'pending')
  })
})

describe("a person's data from the moderation page", () => {
  test('an author downloads every comment sent with an email, then deletes them all, with the CSRF token of the page', async () => {
    const email = 'data.subject@example.org'
    for (const text of ['zzsubject first', 'zzsubject second']) {
      assert.equal((await postComment({ name: 'Data Subject', email, comment: text, token: tokenAged(5000) }, freshClient())).status, 303)
    }
    const page = await fetch(url('/drafts/comments'), { headers: { cookie: session.header() } })
    const jar = new CookieJar()
    jar.store(page.headers)
    const csrfToken = /name="csrfToken" value="([^"]+)"/.exec(await page.text())?.[1]
    assert.ok(csrfToken)
    const cookie = [session.header(), jar.header()].filter(Boolean).join('; ')
    const ask = (action: string) =>
      fetch(url('/drafts/comments/person'), {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ csrfToken, email: 'Data.Subject@Example.org', action }),
      })
    const exported = await ask('export')
    assert.equal(exported.status, 200)
    assert.match(exported.headers.get('content-disposition') ?? '', /attachment; filename="comments-data\.subject@example\.org\.json"/)
    assert.match(exported.headers.get('cache-control') ?? '', /no-store/)
    const data = (await exported.json()) as { email: string; comments: { text: string; email: string; status: string }[] }
    assert.equal(data.email, email)
    assert.deepEqual(
      data.comments.map((comment) => [comment.text, comment.email, comment.status]),
      [
        ['zzsubject first', email, 'pending'],
        ['zzsubject second', email, 'pending'],
      ],
    )
    const deleted = await ask('delete')
    assert.equal(deleted.status, 303)
    assert.match(deleted.headers.get('location') ?? '', /done=erased&count=2$/)
    assert.equal(
      storedComments().some((comment) => comment.email === email),
      false,
    )
  })
})

describe('accessibility of comments', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe finds nothing on a post with comments, the form page, the form with errors and the moderation page (${colorScheme})`, async () => {
      // axe runs in the page, so JavaScript is on here; what it checks is the server's HTML all the same.
      const page = await readerPage({ colorScheme, javaScript: true })
      for (const pathname of [POST, IMPORTED, `${POST}/comment`, `${POST}/comment?reply=wp-101`]) {
        await page.goto(url(pathname))
        assert.deepEqual(await axeViolations(page), [], pathname)
      }
      await page.goto(url(POST))
      await page.getByRole('button', { name: 'Send comment' }).click()
      await page.waitForURL(new RegExp(`${POST}/comment\\?attempt=`))
      assert.deepEqual(await axeViolations(page), [], 'the form with errors')
      // The 400 the handler answers itself (too many links): its own page, checked as the others are.
      await page.goto(url(POST))
      await fillAndSend(page, { name: 'Axe Links', comment: Array.from({ length: 11 }, (_, i) => `https://axe${i}.example.org`).join(' ') })
      await page.waitForSelector('.error-summary')
      assert.equal(new URL(page.url()).pathname, COMMENTS)
      assert.deepEqual(await axeViolations(page), [], 'the 400 page')
      await page.goto(url(`${POST}#comment-held`))
      assert.deepEqual(await axeViolations(page), [], 'the banner')
      await page.context().close()
      const context = await authorContext(browser(), colorScheme, true)
      const moderation = await context.newPage()
      await moderation.goto(url('/drafts/comments'))
      assert.deepEqual(await axeViolations(moderation), [], '/drafts/comments')
      await context.close()
    })
  }
})
