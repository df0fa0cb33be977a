/**
 * The production shape, end to end: nginx (TLS, page cache, failover) in front of
 * two `next start` processes sharing their page cache through redis-server, all
 * started here from the e2e build on free loopback ports and stopped afterwards.
 *
 * Runs first: the scheduled post (E2E_LIVE_AT, LIVE_DELAY_SECONDS after the build
 * started) must still be unpublished when the first tests here ask for it, and
 * goes live during the last. The single-server files that follow never look at it
 * before 99-schedule, and their server started before its date all the same.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import autocannon from 'autocannon'
import { createClient } from 'redis'
import { CookieJar, SEED_SLUGS, authorCli, canaryMarkersIn, signIn } from './helpers'
import { PHOTO_POST_SLUG } from '../../scripts/lib/photo-post'
import { signInThrough, startTestStack, type Reply, type TestStack } from './stack-client'

const EMAIL = 'stack.author@example.org'
const PASSWORD = 'a different horse, battery and staple'
const liveAt = new Date(process.env.E2E_LIVE_AT ?? '')
const SCHEDULED = '/posts/goes-live-soon'
const SCHEDULED_CARD = '/og/posts/goes-live-soon'
/** A session cookie makes nginx pass the request to a process: the way to load the processes, not the cache. */
const BYPASS = { cookie: 'next-auth.session-token=not-a-real-session' }

let stack: TestStack
const author = new CookieJar()

/** `npm run author` as an operator runs it on yet another machine: nothing shared with the processes but REDIS_URL. */
const operatorCli = (args: string[], input = '') => authorCli(args, input, { ...process.env, REDIS_URL: stack.redisUrl })

/** Each test that signs in directly to the processes comes from its own documentation address (TEST-NET-3). */
let nextAddress = 10
const freshClient = () => ({ 'x-forwarded-for': `203.0.113.${nextAddress++}` })

const cacheStatus = (reply: Reply) => reply.headers.get('x-cache-status') ?? '(none)'

async function getFrom(base: string, pathname: string, headers: Record<string, string> = {}): Promise<Reply> {
  const response = await fetch(base + pathname, { redirect: 'manual', headers })
  return { status: response.status, headers: response.headers, text: await response.text() }
}

async function eventually<T>(what: string, attempt: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const result = await attempt()
    if (result !== undefined) return result
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

before(async () => {
  stack = await startTestStack()
  const added = await operatorCli(['add', EMAIL, '--name', 'Stack Author', '--password-stdin'], PASSWORD)
  assert.equal(added.status, 0, added.stderr)
})

after(async () => {
  await stack?.close()
})

describe('production shape: nginx + 2 × next start + redis-server', () => {
  test("a 404 is never kept: before its date the scheduled post's card is 404 on every request, never from the cache", async (t) => {
    assert.ok(!Number.isNaN(liveAt.getTime()), 'E2E_LIVE_AT is set by the harness')
    if (Date.now() > liveAt.getTime() - 5000) return t.skip(`the build and earlier tests outran LIVE_DELAY_SECONDS; ${SCHEDULED} was already live`)
    for (const pathname of [SCHEDULED_CARD, '/no-such-page', SCHEDULED_CARD, '/no-such-page', SCHEDULED_CARD]) {
      const reply = await stack.get(pathname)
      assert.equal(reply.status, 404, `${pathname} (before the post's date)`)
      assert.notEqual(cacheStatus(reply), 'HIT', `${pathname}: a 404 came from the cache`)
    }
  })

  test('unknown slugs, tags and page numbers, and the scheduled post before its date, are 404 over https, never stored', async () => {
    const scheduled = Date.now() < liveAt.getTime() - 5000 ? [SCHEDULED, SCHEDULED] : []
    for (const pathname of [...scheduled, '/posts/no-such-post', '/tags/no-such-tag', '/page/999', '/posts/no-such-post']) {
      const reply = await stack.get(pathname)
      assert.equal(reply.status, 404, `${pathname}: ${reply.status}`)
      assert.notEqual(cacheStatus(reply), 'HIT', pathname)
    }
  })

  test('over https, pages answer 200 with HSTS, over HTTP/2, and plain http redirects to https', async () => {
    assert.equal(await stack.negotiatedProtocol(), 'h2')
    for (const pathname of ['/', `/posts/${SEED_SLUGS[0]}`, '/tags', '/archive', '/feed.xml', '/search?q=digital']) {
      const reply = await stack.get(pathname)
      assert.equal(reply.status, 200, pathname)
      assert.equal(reply.headers.get('strict-transport-security'), 'max-age=31536000; includeSubDomains', pathname)
    }
    // One HSTS header, not the app's and nginx's both.
    assert.equal((await stack.get('/')).headers.get('strict-transport-security')?.split(',').length, 1)
    const asset = (await stack.get('/')).text.match(/\/_next\/static\/[^"]+\.js/)?.[0]
    assert.ok(asset, 'the home page loads a script from /_next/static')
    const script = await stack.get(asset)
    assert.equal(script.status, 200)
    assert.equal(script.headers.get('cache-control'), 'public, max-age=31536000, immutable')
    assert.equal(cacheStatus(script), '(none)', 'served from disk, not through the app')
    assert.match(script.headers.get('content-type') ?? '', /javascript/)

    const plain = await fetch(`${stack.httpUrl.replace('localhost', '127.0.0.1')}/posts/${SEED_SLUGS[0]}?a=1`, { redirect: 'manual' })
    assert.equal(plain.status, 301)
    assert.equal(plain.headers.get('location'), `${stack.url}/posts/${SEED_SLUGS[0]}?a=1`)
  })

  test('gzip for readers that accept it, from one plain copy in the cache', async () => {
    const pathname = `/posts/${SEED_SLUGS[1]}`
    const zipped = await stack.get(pathname, { 'accept-encoding': 'gzip' })
    assert.equal(zipped.headers.get('content-encoding'), 'gzip')
    const plain = await stack.get(pathname)
    assert.equal(plain.headers.get('content-encoding'), null)
    assert.equal(cacheStatus(plain), 'HIT', 'the gzip request stored the page; the plain one read the same entry')
  })

  test('a post page is a cache MISS, then a HIT', async () => {
    const pathname = `/posts/${SEED_SLUGS[2]}`
    const first = await stack.get(pathname)
    assert.equal(first.status, 200)
    assert.equal(cacheStatus(first), 'MISS')
    assert.match(first.headers.get('cache-control') ?? '', /s-maxage=\d+/)
    const second = await stack.get(pathname)
    assert.equal(cacheStatus(second), 'HIT')
    assert.equal(second.text, first.text)
  })

  test("a post's picture over https: AVIF, immutable, a MISS then a HIT from nginx; a width the build did not make is 404 and never stored", async () => {
    const page = await stack.get(`/posts/${PHOTO_POST_SLUG}`)
    assert.equal(page.status, 200)
    const avif = /srcset="([^" ]+\.avif) \d+w/i.exec(page.text)?.[1]
    assert.ok(avif, 'the photo post has an AVIF candidate')
    const first = await stack.get(avif)
    assert.equal(first.status, 200)
    assert.equal(first.headers.get('content-type'), 'image/avif')
    assert.match(first.headers.get('cache-control') ?? '', /immutable/)
    assert.equal(cacheStatus(first), 'MISS')
    const second = await stack.get(avif)
    assert.equal(cacheStatus(second), 'HIT')
    const madeUp = avif.replace(/-(\d+)\.avif$/, '-801.avif')
    for (let i = 0; i < 2; i++) {
      const refused = await stack.get(madeUp)
      assert.equal(refused.status, 404)
      assert.notEqual(cacheStatus(refused), 'HIT')
    }
  })

  test("nothing private is stored: auth answers, drafts and /api/drafts are never HIT, and an anonymous reader never gets an author's page", async () => {
    // Every auth answer, twice, signed out.
    for (const pathname of [
      '/api/auth/csrf',
      '/api/auth/csrf',
      '/api/auth/session',
      '/api/auth/session',
      '/api/auth/providers',
      '/signin',
      '/signin',
      '/signout',
    ]) {
      const reply = await stack.get(pathname)
      assert.notEqual(cacheStatus(reply), 'HIT', pathname)
    }
    const signedIn = await signInThrough(stack, author, EMAIL, PASSWORD)
    assert.equal(signedIn.status, 200, signedIn.text)
    assert.notEqual(cacheStatus(signedIn), 'HIT')
    // Over https the session cookie is __Secure- and Secure.
    const session = signedIn.headers.getSetCookie().find((cookie) => cookie.includes('session-token='))
    assert.ok(session?.startsWith('__Secure-next-auth.session-token='), session)
    assert.match(session!, /;\s*Secure/i)
    assert.match(session!, /;\s*HttpOnly/i)

    const cookie = { cookie: author.header() }
    for (const pathname of ['/drafts', '/drafts/qzcanary-draft', '/api/drafts', '/api/auth/session']) {
      for (let i = 0; i < 2; i++) {
        const reply = await stack.get(pathname, cookie)
        assert.equal(reply.status, 200, `${pathname} signed in`)
        assert.notEqual(cacheStatus(reply), 'HIT', `${pathname} signed in`)
      }
    }
    // The same addresses straight after, signed out: nothing of the author's answers.
    for (const pathname of [
      '/drafts/qzcanary-draft',
      '/drafts',
      '/api/drafts',
      '/api/auth/session',
      '/%64rafts/qzcanary-draft',
      '/drafts//qzcanary-draft',
    ]) {
      const reply = await stack.get(pathname)
      if (pathname !== '/api/auth/session') assert.notEqual(reply.status, 200, `${pathname} signed out`)
      assert.deepEqual(canaryMarkersIn(reply.text, pathname), [], `${pathname} signed out showed a draft`)
      assert.doesNotMatch(reply.text, /stack\.author@example\.org/, `${pathname} signed out showed the author`)
      assert.notEqual(cacheStatus(reply), 'HIT', `${pathname} signed out`)
    }
    // A public page read signed in is neither served from nor stored in the cache.
    const publicPath = `/posts/${SEED_SLUGS[3]}`
    assert.equal(cacheStatus(await stack.get(publicPath, cookie)), 'BYPASS')
    assert.equal(cacheStatus(await stack.get(publicPath)), 'MISS', 'the signed-in read stored nothing')
  })

  test('sign-in limits are shared: five failures sent round-robin to the two processes make the next attempt on either one 429', async () => {
    const email = 'limited.author@example.org'
    const added = await operatorCli(['add', email, '--password-stdin'], PASSWORD)
    assert.equal(added.status, 0, added.stderr)
    // Straight to the processes, each failure from another address: only the shared per-email count can add up.
    const failures: number[] = []
    for (let attempt = 0; attempt < 5; attempt++) {
      const app = stack.apps[attempt % 2]
      failures.push((await signIn(new CookieJar(), email, 'a wrong guess at it', freshClient(), app.url)).status)
    }
    assert.deepEqual(failures, [401, 401, 401, 401, 401])
    for (const app of stack.apps) {
      const refused = await signIn(new CookieJar(), email, PASSWORD, freshClient(), app.url)
      assert.equal(refused.status, 429, `${app.name} after five failures spread over both (even with the right password)`)
    }
    // Each process holds one connection to Redis, shared by its page cache, limiter and author store.
    const redis = createClient({ url: stack.redisUrl })
    await redis.connect()
    try {
      const names = (await redis.clientList()).map((client) => client.name)
      for (const app of stack.apps) assert.equal(names.filter((name) => name === `sandbank-${app.child.pid}`).length, 1, `${app.name}: ${names}`)
    } finally {
      await redis.quit()
    }
  })

  test('a removed author (npm run author -- remove, with REDIS_URL) is refused on both processes on the next request', async () => {
    const email = 'removed.author@example.org'
    assert.equal((await operatorCli(['add', email, '--password-stdin'], PASSWORD)).status, 0)
    const jar = new CookieJar()
    const signedIn = await signIn(jar, email, PASSWORD, freshClient(), stack.apps[1].url)
    assert.equal(signedIn.status, 200, JSON.stringify(signedIn.body))
    const cookie = { cookie: jar.header() }
    for (const app of stack.apps) assert.equal((await getFrom(app.url, '/api/drafts', cookie)).status, 200, `${app.name} before the removal`)

    const removed = await operatorCli(['remove', email])
    assert.equal(removed.status, 0, removed.stderr)
    assert.match(removed.stdout, /Redis/)
    for (const app of stack.apps) {
      assert.equal((await getFrom(app.url, '/api/drafts', cookie)).status, 401, `${app.name}: /api/drafts`)
      const page = await getFrom(app.url, '/drafts/qzcanary-draft', cookie)
      assert.equal(page.status, 307, `${app.name}: /drafts/<slug> sends them to sign in`)
      assert.deepEqual(canaryMarkersIn(page.text, '/drafts/qzcanary-draft'), [])
    }
  })

  test('failover: SIGKILL of one process during 10 s of load costs no reader a request', async () => {
    const [victim, survivor] = stack.apps
    const { port } = new URL(stack.url)
    const statuses: Record<number, number> = {}
    const logFrom = stack.log.length
    let kill: NodeJS.Timeout | undefined
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const load = autocannon(
        { url: `https://127.0.0.1:${port}/posts/${SEED_SLUGS[0]}`, servername: 'localhost', headers: BYPASS, connections: 8, duration: 10 },
        (error, finished) => (error ? reject(error) : resolve(finished)),
      )
      load.on('response', (_client, status) => {
        statuses[status] = (statuses[status] ?? 0) + 1
      })
      kill = setTimeout(() => victim.child.kill('SIGKILL'), 3000)
    })
    clearTimeout(kill)
    assert.equal(victim.child.signalCode, 'SIGKILL', 'the process was killed during the load')
    assert.ok(result.requests.total > 200, `only ${result.requests.total} requests in 10 s`)
    assert.deepEqual(
      { errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx },
      { errors: 0, timeouts: 0, non2xx: 0 },
      `statuses seen: ${JSON.stringify(statuses)}`,
    )
    assert.ok(stack.log.slice(logFrom).some((line) => line.includes('next 1 exited (SIGKILL)')))
    // The survivor carried the load; the killed process comes back on its port.
    assert.equal((await getFrom(survivor.url, '/')).status, 200)
    await stack.restartApp(victim)
    assert.equal((await getFrom(victim.url, '/')).status, 200)
  })

  test('Redis outage: public pages keep answering 200, the log says so, and the shared cache recovers without a restart', async () => {
    const logFrom = stack.log.length
    await stack.stopRedis()
    // Through nginx past its cache, and on each process directly; /tags/events and /page/2 were never rendered here.
    for (const pathname of ['/', `/posts/${SEED_SLUGS[4]}`, '/tags/events', '/page/2']) {
      const reply = await stack.get(pathname, BYPASS)
      assert.equal(reply.status, 200, `${pathname} through nginx with Redis down`)
      for (const app of stack.apps) assert.equal((await getFrom(app.url, pathname)).status, 200, `${pathname} on ${app.name} with Redis down`)
    }
    assert.ok(
      stack.log.slice(logFrom).some((line) => /Redis at \S+ is unreachable/.test(line)),
      'a process logged that Redis went away',
    )
    await stack.startRedis()
    await eventually('every process to say Redis is back', async () => {
      const lines = stack.log.slice(logFrom)
      return stack.apps.every((app) => lines.some((line) => line.startsWith(`[${app.name}]`) && line.includes('is back'))) || undefined
    })
    // Shared again: a page one process renders now is a cache HIT on the other's first request for it.
    const [first, second] = stack.apps
    const pathname = '/tags/open-data'
    assert.equal((await getFrom(first.url, pathname)).status, 200)
    const shared = await eventually('the other process to read the page from Redis', async () => {
      const reply = await getFrom(second.url, pathname)
      return reply.headers.get('x-nextjs-cache') === 'HIT' ? reply : undefined
    })
    assert.equal(shared.status, 200)
  })

  test('Redis outage: sign-in answers 503 with a clear message, a signed-in author gets no draft, and both recover without a restart', async () => {
    const jar = new CookieJar()
    assert.equal((await signIn(jar, EMAIL, PASSWORD, freshClient(), stack.apps[0].url)).status, 200)
    const cookie = { cookie: jar.header() }
    const logFrom = stack.log.length
    await stack.stopRedis()
    try {
      for (const app of stack.apps) {
        const refused = await signIn(new CookieJar(), EMAIL, PASSWORD, freshClient(), app.url)
        assert.equal(refused.status, 503, `${app.name}: sign-in with Redis down`)
        assert.match(refused.body.error ?? '', /Sign-in is unavailable right now/)
        // The author's session cannot be checked against the store: no draft, and a plain answer.
        const drafts = await getFrom(app.url, '/api/drafts', cookie)
        assert.equal(drafts.status, 503, `${app.name}: /api/drafts with Redis down`)
        assert.match(drafts.text, /Sign-in is unavailable right now/)
        const page = await getFrom(app.url, '/drafts/qzcanary-draft', cookie)
        assert.equal(page.status, 307, `${app.name}: /drafts/<slug> with Redis down`)
        assert.match(page.headers.get('location') ?? '', /\/signin\?.*error=SignInUnavailable/)
        assert.deepEqual(canaryMarkersIn(page.text, '/drafts/qzcanary-draft'), [])
        // The session is kept for when Redis returns, not thrown away.
        const session = await getFrom(app.url, '/api/auth/session', cookie)
        assert.equal(session.status, 503, `${app.name}: /api/auth/session with Redis down`)
        assert.ok(!session.headers.getSetCookie().some((line) => line.includes('session-token=')), 'the session cookie is left alone')
      }
      const lines = stack.log.slice(logFrom)
      for (const app of stack.apps) {
        assert.ok(
          lines.some((line) => line.startsWith(`[${app.name}]`) && /sign-in is unavailable.*Redis/i.test(line)),
          `${app.name} logged why sign-in was refused`,
        )
      }
    } finally {
      await stack.startRedis()
    }
    // Back without a restart: sign-in works on both, and the session from before reads drafts again.
    for (const app of stack.apps) {
      await eventually(`${app.name} to sign in again`, async () => {
        const result = await signIn(new CookieJar(), EMAIL, PASSWORD, freshClient(), app.url)
        return result.status === 200 ? result : undefined
      })
      assert.equal((await getFrom(app.url, '/api/drafts', cookie)).status, 200, `${app.name}: the earlier session works again`)
    }
  })

  test('a scheduled post goes live on both processes, and both serve the same version from the shared cache', { timeout: 300_000 }, async () => {
    const wait = liveAt.getTime() - Date.now() + 1000
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    // Through nginx: any 404 it saw earlier was not kept.
    const page = await stack.get(SCHEDULED)
    assert.equal(page.status, 200)
    assert.match(page.text, /sandpipergoeslive/)
    const card = await stack.get(SCHEDULED_CARD)
    assert.equal(card.status, 200)
    assert.equal(card.headers.get('content-type'), 'image/png')
    // Whichever process rendered it, the other reads that render from Redis: a HIT on its first request.
    const replies = await Promise.all(
      stack.apps.map((app) =>
        eventually(`${app.name} to serve the live post from the shared cache`, async () => {
          const reply = await getFrom(app.url, SCHEDULED)
          return reply.headers.get('x-nextjs-cache') === 'HIT' ? reply : undefined
        }),
      ),
    )
    for (const reply of replies) assert.equal(reply.status, 200)
    assert.equal(replies[0].text, replies[1].text, 'both processes serve the same version')
    // And the Redis entry is the one version both read.
    const redis = createClient({ url: stack.redisUrl })
    await redis.connect()
    try {
      const keys = await redis.keys('sandbank:next:*$/posts/goes-live-soon')
      assert.equal(keys.length, 1, JSON.stringify(keys))
    } finally {
      await redis.quit()
    }
  })
})
