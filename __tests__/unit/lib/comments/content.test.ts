/** What a comment shows: a reader's text as paragraphs and links, imported HTML sanitised, threads and pages, the form's checks and token. */
import {
  COMMENT_LIMITS,
  checkCommentValues,
  checkFormToken,
  commentPage,
  createFormToken,
  layOutComments,
  pageOfComment,
  sanitizeCommentHtml,
  textToHtml,
  type ShownComment,
} from '@/lib/comments'
import { EMPTY_VALUES } from '@/lib/comments/form'

describe("a reader's text", () => {
  test('becomes paragraphs with line breaks, and nothing typed is ever markup', () => {
    expect(textToHtml('First line\nsecond line\r\n\r\n\nNew <b>paragraph</b> & <script>alert(1)</script>')).toBe(
      '<p>First line<br>second line</p><p>New &#x3C;b>paragraph&#x3C;/b> &#x26; &#x3C;script>alert(1)&#x3C;/script></p>',
    )
  })

  test('links web addresses with rel="nofollow ugc", and only those', () => {
    const html = textToHtml('See https://www.gov.uk/service-manual. Or www.example.org, or javascript:alert(1)')
    expect(html).toContain('<a href="https://www.gov.uk/service-manual" rel="nofollow ugc">https://www.gov.uk/service-manual</a>.')
    expect(html).toContain('<a href="http://www.example.org" rel="nofollow ugc">www.example.org</a>')
    expect(html).not.toContain('href="javascript')
  })
})

describe('imported HTML', () => {
  test('keeps the agreed elements and http(s)/mailto links, marking them nofollow ugc', () => {
    const html = sanitizeCommentHtml(
      '<p onclick="x()">Hi <strong>there</strong> <a href="https://example.org" target="_blank" class="x">site</a> <a href="mailto:a@b.org">mail</a></p><ul><li><code>c</code></li></ul><blockquote><em>q</em></blockquote>',
    )
    expect(html).toBe(
      '<p>Hi <strong>there</strong> <a href="https://example.org" rel="nofollow ugc">site</a> <a href="mailto:a@b.org" rel="nofollow ugc">mail</a></p><ul><li><code>c</code></li></ul><blockquote><em>q</em></blockquote>',
    )
  })

  test('drops scripts, styles, event handlers, images, iframes and other link schemes', () => {
    const html = sanitizeCommentHtml(
      '<p>a<script>alert(1)</script><style>p{}</style><img src=x onerror=alert(1)><iframe src="https://x"></iframe><a href="javascript:alert(1)">j</a><a href="data:text/html,x">d</a><h1>h</h1></p>',
    )
    expect(html).not.toMatch(/script|style|img|iframe|javascript|data:|onerror|<h1/i)
    expect(html).toContain('<p>ajd</p>')
    expect(html).not.toMatch(/<a(?! href="https?:)/)
    expect(html).toContain('a')
  })
})

describe('threads and pages', () => {
  const at = (minute: number) => new Date(Date.UTC(2024, 0, 1, 0, minute)).toISOString()
  const comment = (id: string, minute: number, parent?: string, kind: ShownComment['kind'] = 'comment'): ShownComment => ({
    id,
    name: `Name ${id}`,
    date: at(minute),
    html: '<p>x</p>',
    kind,
    ...(parent ? { parent } : {}),
  })

  test('oldest first, replies under their top-level ancestor however deep, pingbacks apart, orphans at the top', () => {
    const laid = layOutComments([
      comment('wp-3', 3, 'wp-2'),
      comment('wp-1', 1),
      comment('wp-2', 2, 'wp-1'),
      comment('wp-4', 4),
      comment('wp-5', 5, undefined, 'pingback'),
      comment('c-abcdefgh1', 6, 'wp-gone'),
    ])
    expect(laid.count).toBe(5)
    expect(laid.mentions.map((m) => m.id)).toEqual(['wp-5'])
    const page = commentPage(laid, 1)!
    expect(page.threads.map((thread) => [thread.comment?.id, thread.replies.map((reply) => [reply.id, reply.replyingTo])])).toEqual([
      [
        'wp-1',
        [
          ['wp-2', undefined],
          ['wp-3', 'Name wp-2'],
        ],
      ],
      ['wp-4', []],
      ['c-abcdefgh1', []],
    ])
  })

  test('pages hold at most perPage comments; a thread cut by a page boundary continues, naming its first comment', () => {
    const comments = [comment('wp-1', 1), ...Array.from({ length: 5 }, (_, i) => comment(`wp-r${i}`, 10 + i, 'wp-1')), comment('wp-2', 30)]
    const laid = layOutComments(comments, 4)
    expect(laid.pages).toBe(2)
    const second = commentPage(laid, 2, 4)!
    expect(second.threads[0].comment).toBeUndefined()
    expect(second.threads[0].top).toEqual({ id: 'wp-1', name: 'Name wp-1' })
    expect(second.threads[0].replies.map((reply) => reply.id)).toEqual(['wp-r3', 'wp-r4'])
    expect(second.threads[1].comment?.id).toBe('wp-2')
    expect(commentPage(laid, 3, 4)).toBeUndefined()
    expect(pageOfComment(laid, 'wp-2', 4)).toBe(2)
  })
})

describe('the form', () => {
  const valid = { ...EMPTY_VALUES, name: ' Ann ', comment: 'Hello', email: ' Ann@Example.org ', website: 'https://ann.example.org' }

  test('a valid comment is trimmed, the email normalised, the website parsed', () => {
    expect(checkCommentValues(valid)).toEqual({
      comment: { name: 'Ann', email: 'ann@example.org', url: 'https://ann.example.org/', text: 'Hello', parent: undefined },
      errors: {},
      tooLarge: false,
    })
  })

  test('each problem is named on its field; too long or too many links is "too large"', () => {
    const missing = checkCommentValues({ ...EMPTY_VALUES, email: 'not an email', website: 'javascript:alert(1)' })
    expect(Object.keys(missing.errors)).toEqual(['name', 'email', 'website', 'comment'])
    expect(missing.tooLarge).toBe(false)
    expect(checkCommentValues({ ...valid, comment: 'x'.repeat(COMMENT_LIMITS.text + 1) }).tooLarge).toBe(true)
    expect(checkCommentValues({ ...valid, comment: 'x'.repeat(COMMENT_LIMITS.text) }).tooLarge).toBe(false)
    const links = (n: number) => Array.from({ length: n }, (_, i) => `https://example.org/${i}`).join(' ')
    expect(checkCommentValues({ ...valid, comment: links(10) }).errors).toEqual({})
    expect(checkCommentValues({ ...valid, comment: links(11) })).toMatchObject({
      tooLarge: true,
      errors: { comment: 'Your comment must have 10 links or fewer' },
    })
  })

  test('the token is refused within two seconds of being made, after its lifetime, for another post, or altered', () => {
    const secret = 'a secret of thirty-two characters!!'
    const made = 1_700_000_000_000
    const token = createFormToken('a-post', secret, made)
    expect(checkFormToken(token, 'a-post', secret, made + 500)).toBe('too-soon')
    expect(checkFormToken(token, 'a-post', secret, made + 2000)).toBe('valid')
    expect(checkFormToken(token, 'a-post', secret, made + 25 * 3600_000)).toBe('expired')
    expect(checkFormToken(token, 'another-post', secret, made + 5000)).toBe('invalid')
    expect(checkFormToken(token.replace(/^\d+/, String(made - 60_000)), 'a-post', secret, made + 5000)).toBe('invalid')
    expect(checkFormToken(token, 'a-post', 'another secret', made + 5000)).toBe('invalid')
    expect(checkFormToken('', 'a-post', secret, made)).toBe('invalid')
  })
})
