import { isSameOrigin, safeCallbackPath } from '@/lib/http'
import { isRoutablePath, publicPathExists } from '@/lib/http/route-guard'
import { makePost } from '../fixtures'

describe('isRoutablePath', () => {
  test('real addresses pass', () => {
    for (const path of ['/posts/shifting-digital-sands', '/tags/open-data', '/tags/caf%C3%A9', '/page/2', '/og/posts/a-b', '/drafts/x']) {
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
    ]) {
      expect(isRoutablePath(path)).toBe(false)
    }
  })
})

describe('publicPathExists', () => {
  const now = new Date('2026-06-01T00:00:00Z')
  const posts = [
    ...Array.from({ length: 11 }, (_, i) => makePost({ slug: `post-${i}`, tags: ['open-data'] })),
    makePost({ slug: 'a-draft', draft: true, tags: ['draft-only'] }),
    makePost({ slug: 'later', date: '2026-07-01T00:00:00.000Z' }),
  ]
  test('published posts, their cards, known tags and real page numbers exist', () => {
    for (const path of ['/posts/post-3', '/og/posts/post-3', '/tags/open-data', '/page/2', '/authors/anyone']) {
      expect(publicPathExists(path, now, posts)).toBe(true)
    }
  })
  test('made-up slugs, drafts, scheduled posts, unknown tags and pages past the end do not', () => {
    for (const path of [
      '/posts/made-up',
      '/og/posts/a-draft',
      '/posts/later',
      '/tags/draft-only',
      '/tags/nope',
      '/page/3',
      '/page/02',
      '/posts/%ff',
    ]) {
      expect(publicPathExists(path, now, posts)).toBe(false)
    }
  })
  test('a scheduled post exists once its date comes', () => {
    expect(publicPathExists('/posts/later', new Date('2026-07-01T00:00:00Z'), posts)).toBe(true)
  })
})

describe('request checks', () => {
  test('callback paths stay on this site', () => {
    expect(safeCallbackPath('/drafts/x')).toBe('/drafts/x')
    for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', 'drafts', undefined])
      expect(safeCallbackPath(bad)).toBe('/drafts')
  })
  test('a cross-site Origin is refused; no Origin is allowed', () => {
    expect(isSameOrigin(new Headers({ host: 'blog.example.org', origin: 'https://blog.example.org' }))).toBe(true)
    expect(isSameOrigin(new Headers({ host: 'blog.example.org', origin: 'https://evil.example' }))).toBe(false)
    expect(isSameOrigin(new Headers({ host: 'blog.example.org' }))).toBe(true)
    expect(isSameOrigin(new Headers({ host: 'blog.example.org', origin: 'null' }))).toBe(false)
  })
})
