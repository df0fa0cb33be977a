import { parseTrustedProxies } from '@/lib/config'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import {
  API_ERROR_STATUS,
  ApiError,
  UNIDENTIFIED_CLIENT,
  clientAddress,
  errorResponse,
  isSameOrigin,
  redirectFor,
  safeCallbackPath,
  withApiErrors,
} from '@/lib/http'
import { isRoutablePath, publicPathExists } from '@/lib/http/route-guard'
import { ROOT } from '@/scripts/lib/process'
import { makePage, makePost } from '../fixtures'

describe('isRoutablePath', () => {
  test('real addresses pass', () => {
    for (const path of [
      '/posts/shifting-digital-sands',
      '/tags/open-data',
      '/tags/caf%C3%A9',
      '/page/2',
      '/og/posts/a-b',
      '/drafts/x',
      '/drafts/pages/about',
      '/drafts/pages/services/contact',
      '/og/pages/about',
    ]) {
      expect(isRoutablePath(path)).toBe(true)
    }
  })
  test('bad encoding, giant segments and impossible post slugs are turned away', () => {
    for (const path of [
      '/posts/%ff',
      '/tags/a%ffb',
      '/tags/%c3%28',
      `/posts/${'a'.repeat(5000)}`,
      '/posts/Upper',
      '/og/posts/..%2fetc',
      '/drafts/a_b',
      '/drafts/pages/Upper',
      '/drafts/pages/',
      '/og/pages/a//b',
      '/og/pages/posts',
    ]) {
      expect(isRoutablePath(path)).toBe(false)
    }
  })
})

describe('publicPathExists', () => {
  const now = new Date('2026-06-01T00:00:00Z')
  const posts = [
    ...Array.from({ length: 11 }, (_, i) => makePost({ slug: `post-${i}`, tags: ['open-data'], date: `2014-0${1 + (i % 2)}-01T00:00:00.000Z` })),
    makePost({ slug: 'a-draft', draft: true, tags: ['draft-only'], date: '2012-01-01T00:00:00.000Z' }),
    makePost({ slug: 'later', date: '2026-07-01T00:00:00.000Z', tags: ['later-only'] }),
  ]
  test('published posts, their cards, known tags, years, authors and real page numbers exist', () => {
    for (const path of [
      '/posts/post-3',
      '/og/posts/post-3',
      '/tags',
      '/tags/open-data',
      '/tags/open-data/page/2',
      '/page/2',
      '/archive',
      '/archive/2014',
      '/authors/digital-communications-manager',
      '/authors/digital-communications-manager/page/2',
    ]) {
      expect([path, publicPathExists(path, now, posts)]).toEqual([path, true])
    }
  })
  test('made-up slugs, drafts, scheduled posts, unknown tags, years and authors, and pages past the end do not', () => {
    for (const path of [
      '/posts/made-up',
      '/og/posts/a-draft',
      '/posts/later',
      '/tags/draft-only',
      '/tags/later-only',
      '/tags/nope',
      '/tags/open-data/page/3',
      '/tags/open-data/page/02',
      '/tags/open-data/other',
      '/page/3',
      '/page/02',
      '/posts/%ff',
      '/archive/2012',
      '/archive/2026',
      '/archive/1999',
      '/archive/14',
      '/archive/2014/page/2',
      '/authors/anyone',
      '/authors/digital-communications-manager/page/3',
      '/sitemaps/1.xml',
    ]) {
      expect([path, publicPathExists(path, now, posts)]).toEqual([path, false])
    }
  })
  const pages = [makePage({ slug: 'about' }), makePage({ slug: 'services/contact' }), makePage({ slug: 'unfinished', draft: true })]
  test('published pages have cards; draft and unknown pages do not', () => {
    for (const path of ['/og/pages/about', '/og/pages/services/contact']) expect(publicPathExists(path, now, posts, pages)).toBe(true)
    for (const path of ['/og/pages/unfinished', '/og/pages/nope', '/og/pages/services']) expect(publicPathExists(path, now, posts, pages)).toBe(false)
  })
  test('a scheduled post exists once its date comes, and so do its tag and year', () => {
    const live = new Date('2026-07-01T00:00:00Z')
    for (const path of ['/posts/later', '/tags/later-only', '/archive/2026'])
      expect([path, publicPathExists(path, live, posts)]).toEqual([path, true])
  })
})

describe('tags in any script', () => {
  const now = new Date('2026-06-01T00:00:00Z')
  const posts = [makePost({ slug: 'notes', tags: ['远征手记', 'Ελληνικά', 'Кириллица', 'Café society', '한국어'] })]
  test('every tag exists at its percent-encoded address, raw or encoded in lower-case hex', () => {
    for (const slug of ['远征手记', 'ελληνικα', 'кириллица', 'cafe-society']) {
      const encoded = encodeURIComponent(slug)
      expect(publicPathExists(`/tags/${encoded}`, now, posts)).toBe(true)
      expect(publicPathExists(`/tags/${encoded.toLowerCase()}`, now, posts)).toBe(true)
      expect(publicPathExists(`/tags/${slug}`, now, posts)).toBe(true)
    }
  })
  test('a composed form names the tag that slugify decomposed', () => {
    expect(publicPathExists(`/tags/${encodeURIComponent('한국어'.normalize('NFC'))}`, now, posts)).toBe(true)
    expect(publicPathExists(`/tags/${encodeURIComponent('ελληνικά')}`, now, posts)).toBe(true)
  })
  test('an unknown tag in another script does not', () => {
    expect(publicPathExists(`/tags/${encodeURIComponent('未知')}`, now, posts)).toBe(false)
  })
})

describe('request checks', () => {
  test('callback paths stay on this site', () => {
    expect(safeCallbackPath('/drafts/x')).toBe('/drafts/x')
    for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', 'drafts', undefined])
      expect(safeCallbackPath(bad)).toBe('/drafts')
  })
  test('callback paths are parsed against the site origin, control characters removed first', () => {
    const origin = 'https://blog.example.org'
    expect(safeCallbackPath('/drafts/x', '/drafts', origin)).toBe('/drafts/x')
    expect(safeCallbackPath('/drafts/x?y=1#z', '/drafts', origin)).toBe('/drafts/x?y=1#z')
    expect(safeCallbackPath('https://blog.example.org/drafts/y', '/drafts', origin)).toBe('/drafts/y')
    expect(safeCallbackPath('drafts', '/drafts', origin)).toBe('/drafts')
    const offSite = [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/\t/evil.example/phish',
      '/\n/evil.example',
      '\t//evil.example',
      '/%09/evil.example',
      '/.//evil.example',
      'javascript:alert(1)',
      'http://blog.example.org/drafts',
      'https://blog.example.org:8443/drafts',
      undefined,
      '',
    ]
    for (const bad of offSite) {
      const result = safeCallbackPath(bad, '/drafts', origin)
      expect(new URL(result, origin).origin).toBe(origin)
      expect(result.startsWith('//')).toBe(false)
    }
    for (const bad of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/\t/evil.example/phish',
      '/.//evil.example',
      'javascript:alert(1)',
    ]) {
      expect(safeCallbackPath(bad, '/drafts', origin)).toBe('/drafts')
    }
  })
  test('a cross-site Origin is refused; no Origin is allowed', () => {
    expect(isSameOrigin(new Headers({ host: 'blog.example.org', origin: 'https://blog.example.org' }))).toBe(true)
    expect(isSameOrigin(new Headers({ host: 'blog.example.org', origin: 'https://evil.example' }))).toBe(false)
    expect(isSameOrigin(new Headers({ host: 'blog.example.org' }))).toBe(true)
    expect(isSameOrigin(new Headers({ host: 'blog.example.org', origin: 'null' }))).toBe(false)
  })
})

const forwarded = (value: string) => new Headers({ 'x-forwarded-for': value })

describe('client address and TRUSTED_PROXIES', () => {
  test('with no trusted proxy, every client is one unidentified client, whatever it writes', () => {
    const none = parseTrustedProxies(undefined)
    for (const value of ['203.0.113.9', '198.51.100.1, 10.0.0.1', '']) expect(clientAddress(forwarded(value), none)).toBe(UNIDENTIFIED_CLIENT)
    expect(parseTrustedProxies('0')).toEqual({ kind: 'none' })
  })

  test('a hop count takes the entry that many from the right', () => {
    const one = parseTrustedProxies('1')
    expect(clientAddress(forwarded('203.0.113.9'), one)).toBe('203.0.113.9')
    expect(clientAddress(forwarded('6.6.6.6, 203.0.113.9'), one)).toBe('203.0.113.9')
    const two = parseTrustedProxies('2')
    expect(clientAddress(forwarded('6.6.6.6, 203.0.113.9, 10.0.0.2'), two)).toBe('203.0.113.9')
    expect(clientAddress(forwarded('203.0.113.9'), two)).toBe('203.0.113.9')
    expect(clientAddress(new Headers(), one)).toBe(UNIDENTIFIED_CLIENT)
    expect(clientAddress(forwarded('6.6.6.6, not-an-address'), one)).toBe(UNIDENTIFIED_CLIENT)
  })

  test('a list of proxies takes the rightmost entry that is not one of them', () => {
    const list = parseTrustedProxies('10.0.0.0/8, 192.0.2.7, fd00::/8')
    expect(clientAddress(forwarded('6.6.6.6, 203.0.113.9, 10.1.2.3, 192.0.2.7'), list)).toBe('203.0.113.9')
    expect(clientAddress(forwarded('2001:db8::1, fd00::5'), list)).toBe('2001:db8::1')
    expect(clientAddress(forwarded('10.0.0.1, 10.0.0.2'), list)).toBe('10.0.0.1')
  })
})

describe('redirects', () => {
  test('old WordPress addresses, the first page of a listing under …/page/1, and trailing slashes; /about is the About page', () => {
    expect(redirectFor('/2014/03/24/shifting-digital-sands/')).toEqual({ destination: '/posts/shifting-digital-sands', status: 308 })
    expect(redirectFor('/2014/03/24/shifting-digital-sands')).toEqual({ destination: '/posts/shifting-digital-sands', status: 308 })
    expect(redirectFor('/page/1')).toEqual({ destination: '/', status: 308 })
    expect(redirectFor('/posts/x/')).toEqual({ destination: '/posts/x', status: 308 })
    expect(redirectFor('/about/')).toEqual({ destination: '/about', status: 308 })
    expect(redirectFor('/services/contact/')).toEqual({ destination: '/services/contact', status: 308 })
    for (const [from, to] of [
      ['/tags/open-data/page/1', '/tags/open-data'],
      ['/archive/2014/page/1', '/archive/2014'],
      ['/authors/me/page/1', '/authors/me'],
    ]) {
      expect(redirectFor(from)).toEqual({ destination: to, status: 308 })
    }
    for (const kept of [
      '/',
      '/posts/x',
      '/page/2',
      '/2014/03/24',
      '/about',
      '/tags/open-data/page/2',
      '/tags/page/1',
      '/tags/a/b/page/1',
      '/posts/x/page/1',
    ]) {
      expect([kept, redirectFor(kept)]).toEqual([kept, undefined])
    }
  })

  test('an address with needless percent-encoding goes where its plain form goes, in one hop; other escapes are left alone', () => {
    for (const [from, to] of [
      ['/page/%31', '/'],
      ['/tags/open-data/page/%31', '/tags/open-data'],
      ['/archive/2014/page/%31', '/archive/2014'],
      ['/tags/x/page/%31', '/tags/x'],
      ['/2014/%303/24/shifting-digital-sands/', '/posts/shifting-digital-sands'],
      ['/page/%32', '/page/2'],
      ['/posts/%73hifting-digital-sands', '/posts/shifting-digital-sands'],
      ['/%64rafts/x', '/drafts/x'],
      ['/page/%7e%2D%5F', '/page/~-_'],
    ]) {
      expect([from, redirectFor(from)]).toEqual([from, { destination: to, status: 308 }])
    }
    // Reserved characters, other scripts, dots and invalid escapes keep their meaning, for the route guard to read.
    for (const kept of ['/tags/%D0%B0', '/posts/a%2Fb', '/page/%2e%2e', '/page/%25', '/posts/%ff', '/posts/%zz']) {
      expect([kept, redirectFor(kept)]).toEqual([kept, undefined])
    }
  })
})

describe('one error answer for every route handler', () => {
  test('an ApiError is its status, a stable code and a message with < escaped, never sniffed', async () => {
    const answer = errorResponse(new ApiError('bad_request', 'No <script> here.'), { 'Cache-Control': 'no-store' })
    expect(answer.status).toBe(400)
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
    expect(answer.headers.get('cache-control')).toBe('no-store')
    const text = await answer.text()
    expect(text).not.toContain('<')
    expect(JSON.parse(text)).toEqual({ error: 'No <script> here.', code: 'bad_request' })
  })

  test('each code has its status, and an error carries headers of its own (Retry-After)', () => {
    expect(API_ERROR_STATUS).toEqual({
      bad_request: 400,
      unauthorized: 401,
      forbidden: 403,
      not_found: 404,
      payload_too_large: 413,
      rate_limited: 429,
      unavailable: 503,
      internal_error: 500,
    })
    const answer = errorResponse(new ApiError('unavailable', 'Starting up.', { 'Retry-After': '1' }), { 'Retry-After': '99' })
    expect([answer.status, answer.headers.get('retry-after')]).toEqual([503, '1'])
  })

  test('a handler that throws an ApiError answers with it; anything else is a 500 that says nothing of the fault', async () => {
    const refusing = withApiErrors(
      async () => {
        throw new ApiError('not_found', 'No draft with that slug.')
      },
      { 'Cache-Control': 'private, no-store' },
    )
    const refused = await refusing()
    expect([refused.status, refused.headers.get('cache-control'), await refused.json()]).toEqual([
      404,
      'private, no-store',
      { error: 'No draft with that slug.', code: 'not_found' },
    ])
    const log = jest.spyOn(console, 'error').mockImplementation(() => {})
    const failing = withApiErrors(async () => {
      throw new Error('ENOENT: /secret/path/index.json')
    })
    const failed = await failing()
    expect(failed.status).toBe(500)
    const body = await failed.text()
    expect(JSON.parse(body).code).toBe('internal_error')
    expect(body).not.toContain('secret')
    expect(log).toHaveBeenCalled()
    log.mockRestore()
  })

  test('no route handler or library module builds a JSON answer of its own', () => {
    const files = (dir: string): string[] =>
      readdirSync(path.join(ROOT, dir)).flatMap((name) => {
        const relative = `${dir}/${name}`
        if (statSync(path.join(ROOT, relative)).isDirectory()) return files(relative)
        return /\.tsx?$/.test(name) ? [relative] : []
      })
    const handMade = [...files('app'), ...files('lib')].filter(
      (file) =>
        file !== 'lib/http/errors.ts' &&
        /NextResponse\.json\(|Response\.json\(|new Response\(JSON\.stringify/.test(readFileSync(path.join(ROOT, file), 'utf8')),
    )
    expect(handMade).toEqual([])
  })
})
