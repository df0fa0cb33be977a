import { isRoutablePath } from '@/lib/route-guard'

describe('isRoutablePath', () => {
  test('real addresses pass', () => {
    for (const path of ['/posts/shifting-digital-sands', '/tags/open-data', '/tags/caf%C3%A9', '/page/2', '/og/posts/a-b', '/drafts/x']) {
      expect(isRoutablePath(path)).toBe(true)
    }
  })
  test('bad encoding, giant segments and impossible post slugs are turned away', () => {
    for (const path of ['/posts/%ff', '/tags/a%ffb', '/tags/%c3%28', `/posts/${'a'.repeat(5000)}`, '/posts/Upper', '/og/posts/..%2fetc', '/drafts/a_b']) {
      expect(isRoutablePath(path)).toBe(false)
    }
  })
})
