/** The page the comment handler answers a 400 or 429 with: the form again, every answer kept as typed and nothing a reader typed read as markup. */
import type { Element, Root, RootContent } from 'hast'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'
import { COMMENT_WORDS, escapeHtml, refusedCommentPage, type RefusedCommentPage } from '@/lib/comments'

const HOSTILE = `"'><script>alert(1)</script>&amp; </textarea><b>`

const base: RefusedCommentPage = {
  problem: 'errors',
  site: { name: 'Sandbank <Test>', language: 'en-GB', home: '/' },
  post: { title: 'A "post" & <more>', url: '/posts/a-post' },
  action: '/posts/a-post/comments',
  token: '123.abc',
  values: {
    name: HOSTILE,
    email: `me@example.org${HOSTILE}`,
    website: `https://x.example/${HOSTILE}`,
    comment: HOSTILE,
    parent: 'c-0123456789abcdef0123',
  },
  errors: { comment: COMMENT_WORDS.errors.tooManyLinks(10), name: `${HOSTILE} is wrong` },
  stylesheets: ['/_next/static/chunks/site.css'],
  theme: { src: '/theme.js', storageKey: 'theme' },
}

function elements(node: Root | RootContent): Element[] {
  const own = node.type === 'element' ? [node] : []
  const children = 'children' in node ? node.children.flatMap(elements) : []
  return [...own, ...children]
}

function text(node: RootContent): string {
  if (node.type === 'text') return node.value
  return 'children' in node ? node.children.map(text).join('') : ''
}

const parse = (html: string) => elements(unified().use(rehypeParse).parse(html))
const byId = (all: Element[], id: string) => all.find((element) => element.properties.id === id)

describe('refusedCommentPage', () => {
  test('every answer comes back exactly as typed, and nothing typed becomes an element', () => {
    const html = refusedCommentPage(base)
    const all = parse(html)
    expect(all.filter((element) => element.tagName === 'script').map((element) => element.properties.src)).toEqual(['/theme.js'])
    expect(all.some((element) => element.tagName === 'b')).toBe(false)
    expect(byId(all, 'comment-name')?.properties.value).toBe(HOSTILE)
    expect(byId(all, 'comment-email')?.properties.value).toBe(`me@example.org${HOSTILE}`)
    expect(byId(all, 'comment-website')?.properties.value).toBe(`https://x.example/${HOSTILE}`)
    expect(text(byId(all, 'comment-text') as Element)).toBe(HOSTILE)
    const hidden = Object.fromEntries(
      all.filter((element) => element.properties.type === 'hidden').map((element) => [element.properties.name, element.properties.value]),
    )
    expect(hidden).toEqual({ token: '123.abc', parent: 'c-0123456789abcdef0123' })
    expect(text(all.find((element) => element.tagName === 'title') as Element)).toBe('Error: Leave a comment: A "post" & <more> · Sandbank <Test>')
  })

  test('a 400: the error summary first, linking each problem to its field, and each field saying what is wrong', () => {
    const all = parse(refusedCommentPage(base))
    const summary = all.find((element) => element.properties.className?.toString() === 'error-summary')
    expect(summary?.properties.role).toBe('alert')
    const links = elements(summary as Element).filter((element) => element.tagName === 'a')
    expect(links.map((link) => [link.properties.href, text(link)])).toEqual([
      ['#comment-name', `${HOSTILE} is wrong`],
      ['#comment-text', 'Your comment must have 10 links or fewer'],
    ])
    expect(byId(all, 'comment-name')?.properties.ariaInvalid).toBe('true')
    expect(byId(all, 'comment-name')?.properties.ariaDescribedBy).toEqual(['comment-name-hint', 'comment-name-error'])
    expect(byId(all, 'comment-email')?.properties.ariaInvalid).toBeUndefined()
    expect(text(byId(all, 'comment-text-error') as Element)).toBe('Error: Your comment must have 10 links or fewer')
    expect(all.filter((element) => element.tagName === 'h1').map(text)).toEqual(['Leave a comment'])
    expect(all.find((element) => element.tagName === 'form')?.properties.action).toBe('/posts/a-post/comments')
    expect(all.find((element) => element.tagName === 'link')?.properties.href).toBe('/_next/static/chunks/site.css')
    expect(all.find((element) => element.tagName === 'html')?.properties.lang).toBe('en-GB')
  })

  test('a 429: the page says so in its h1 and how long to wait, the form below with every answer', () => {
    const all = parse(refusedCommentPage({ ...base, problem: 'rate-limited', errors: {}, retryAfterMinutes: 1 }))
    expect(all.filter((element) => element.tagName === 'h1').map(text)).toEqual([COMMENT_WORDS.rateLimitedTitle])
    expect(text(all.find((element) => element.properties.role === 'alert') as Element)).toContain('Wait 1 minute and send it again')
    expect(all.some((element) => element.properties.className?.toString() === 'error-summary')).toBe(false)
    expect(text(byId(all, 'comment-text') as Element)).toBe(HOSTILE)
  })

  test('a comment that starts with a blank line keeps it (the parser drops one newline after <textarea>)', () => {
    const all = parse(refusedCommentPage({ ...base, values: { ...base.values, comment: '\n\nafter a gap' } }))
    expect(text(byId(all, 'comment-text') as Element)).toBe('\n\nafter a gap')
  })

  test('without a stylesheet (next dev) the honeypot is still out of sight', () => {
    const html = refusedCommentPage({ ...base, stylesheets: [] })
    expect(html).toMatch(/<style>\.comment-trap\{position:absolute;left:-10000px/)
    expect(refusedCommentPage(base)).not.toContain('<style>')
  })

  test('escapeHtml', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;')
  })
})
