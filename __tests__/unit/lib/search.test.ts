import type { Post } from '@/lib/content'
import { getPublishedPosts } from '@/lib/content/server'
import {
  MAX_LIMIT,
  createSearchIndex,
  indexDocuments,
  parseSearchLimit,
  parseSearchParams,
  parseSearchQuery,
  searchIndex,
  type PostSearch,
  type SearchDocument,
} from '@/lib/search'
import { foldWord, queryTerms } from '@/lib/search/analysis'
import { escapeHtml, snippetOf } from '@/lib/search/snippets'
import { PublishedSearch, SEARCH_RETRY_AFTER_SECONDS, publishedSearchIndex, searchPublished, type PublishedDocument } from '@/lib/search/server'
import { makePage } from '../fixtures'

const filler = 'Notes from a meeting about the council website and its budget for next year.'

function post(id: string, fields: Partial<SearchDocument> = {}): SearchDocument {
  return { id, title: 'Untitled', summary: 'A summary.', tags: [], date: '2014-01-01T00:00:00.000Z', text: filler, ...fields }
}

/** Post metadata with its text, for the published filter; only the fields it reads matter. */
function fullPost(slug: string, fields: Partial<Post & { text: string }>): Post & { text: string } {
  const { title, summary, text } = post(slug)
  return {
    title,
    summary,
    text,
    date: '2014-01-01T00:00:00.000Z',
    tags: [],
    slug,
    draft: false,
    comments: 'open',
    lang: 'en-GB',
    readingMinutes: 1,
    lastModified: '2014-01-01T00:00:00.000Z',
    sourceFilePath: `posts/${slug}.mdx`,
    ...fields,
  }
}

async function found(query: string, options: Parameters<typeof searchPublished>[1]) {
  const outcome = await searchPublished(query, options)
  if (!outcome.ok) throw new Error(outcome.error)
  return outcome.response
}

function ids(posts: readonly SearchDocument[], query: string): string[] {
  return searchIndex(createSearchIndex(posts), query).results.map((hit) => hit.id)
}

/** Every tag in a snippet, so a test can require that only <mark> appears. */
function tagsIn(html: string): string[] {
  return [...new Set(html.match(/<[^>]*>/g) ?? [])].sort()
}

describe('ranking', () => {
  test('a title match ranks above the same word in the body, and both are found', () => {
    const posts = [
      post('body', { title: 'Meeting notes', text: `${filler} We talked about gardening for a while.` }),
      post('title', { title: 'Gardening at the depot' }),
      post('none'),
    ]
    expect(ids(posts, 'gardening')).toEqual(['title', 'body'])
  })

  test('tags and summary outrank the body', () => {
    const posts = [
      post('body', { text: `${filler} There was some talk of allotments.` }),
      post('tag', { tags: ['allotments'] }),
      post('summary', { summary: 'Allotments, and who gets one.' }),
    ]
    expect(ids(posts, 'allotments').at(-1)).toBe('body')
  })

  test('a half-typed word finds the word it starts', () => {
    const posts = [post('dash', { title: 'Free Usability Dashboard' }), post('other')]
    expect(ids(posts, 'dashb')).toEqual(['dash'])
    expect(ids(posts, 'usab')).toEqual(['dash'])
  })

  test('one typo is forgiven in a short word and two in a long one, none in a very short one', () => {
    const posts = [
      post('usability', { title: 'Usability Dashboard' }),
      post('access', { text: 'Accessibility matters to everyone.' }),
      post('cat', { text: 'The cat sat.' }),
    ]
    expect(ids(posts, 'usabilty')).toEqual(['usability'])
    expect(ids(posts, 'dashbaord')).toEqual(['usability'])
    expect(ids(posts, 'acessibilty')).toEqual(['access'])
    expect(ids(posts, 'cot')).toEqual([])
  })

  test('English stemming: hacks and hacking find hack, and the other way round', () => {
    const posts = [post('hack', { title: 'Hack Devon County Council', text: 'A hack weekend.' }), post('other')]
    expect(ids(posts, 'hacks')).toEqual(['hack'])
    expect(ids(posts, 'hacking')).toEqual(['hack'])
    const reversed = [post('hacking', { text: 'We spent the day hacking on open data.' }), post('other')]
    expect(ids(reversed, 'hack')).toEqual(['hacking'])
  })

  test('case and accents are folded both ways', () => {
    const posts = [post('cafe', { text: 'We met at the Café on the quay to read a résumé.' }), post('other')]
    expect(ids(posts, 'cafe')).toEqual(['cafe'])
    expect(ids(posts, 'CAFÉ')).toEqual(['cafe'])
    expect(ids(posts, 'RESUME')).toEqual(['cafe'])
    expect(foldWord('Ça')).toBe('ca')
  })

  test('a post matching more of the words ranks higher', () => {
    const posts = [post('one', { text: 'open minds' }), post('both', { text: 'open data' }), post('data', { text: 'data points' })]
    expect(ids(posts, 'open data')[0]).toBe('both')
  })

  test('total counts every match while results stop at the limit', () => {
    const posts = Array.from({ length: 12 }, (_, i) => post(`p${i}`, { text: `Budget report number ${i}.` }))
    const found = searchIndex(createSearchIndex(posts), 'budget', 5)
    expect(found.total).toBe(12)
    expect(found.results).toHaveLength(5)
    const scores = found.results.map((hit) => hit.score)
    expect([...scores].sort((a, b) => b - a)).toEqual(scores)
  })

  test('queries with no words, only stop words, or symbols find nothing and do not throw', () => {
    const index = createSearchIndex([post('a', { text: 'The regex (*+?[ is here with emoji 🦀 and عربي text.' })])
    for (const query of ['', '   ', '(*+?[', '🦀', '.*', '\\', '"\'']) {
      expect(searchIndex(index, query).total).toBe(0)
    }
    expect(searchIndex(index, 'عربي').results.map((hit) => hit.id)).toEqual(['a'])
  })
})

describe('the fast top-k ranking', () => {
  test('gives the same posts, order, scores, matched terms and total as MiniSearch search()', () => {
    // A small seeded corpus with shared prefixes, near-misses and inflections, so expansion and ties are exercised.
    let seed = 7
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    const words =
      'council councils councillor counting dashboard dashboards usability usable hack hacks hacking open opening data date dated digital design designs café resume résumé budget budgets'.split(
        ' ',
      )
    const pick = () => words[Math.floor(random() * words.length)]
    const sentence = (n: number) => Array.from({ length: n }, pick).join(' ')
    const posts = Array.from({ length: 300 }, (_, i) =>
      post(`p${i}`, { title: sentence(3), summary: sentence(8), tags: [pick(), pick()], text: sentence(40 + (i % 60)) }),
    )
    const { engine } = createSearchIndex(posts)
    const queries = [
      'council',
      'counc',
      'councilr',
      'dashbaord',
      'usabilty',
      'hacking',
      'open data',
      'data open data',
      'CAFÉ resume',
      'desig',
      'budget council usability',
      'x',
      'nothing',
    ]
    for (const query of queries) {
      const terms = queryTerms(query)
      const fast = engine.rank(terms, 50)
      const reference = engine.rankWithSearch(terms, 50)
      expect(fast.count).toBe(reference.count)
      expect(fast.matches.map((match) => match.id)).toEqual(reference.matches.map((match) => match.id))
      fast.matches.forEach((match, i) => {
        expect(match.score).toBeCloseTo(reference.matches[i].score, 9)
        expect([...match.terms].sort()).toEqual([...reference.matches[i].terms].sort())
      })
    }
  })
})

describe('snippets', () => {
  test('mark the matched words, as written, in a short passage around the best match', () => {
    const text = `${'Opening words about nothing much. '.repeat(20)}Then the usability dashboard launched for councils. ${'Closing words. '.repeat(20)}`
    const snippet = searchIndex(createSearchIndex([post('a', { text })]), 'usabilty dashb').results[0].snippet
    expect(snippet).toContain('<mark>usability</mark> <mark>dashboard</mark>')
    expect(snippet.startsWith('… ')).toBe(true)
    expect(snippet.endsWith(' …')).toBe(true)
    expect(snippet.length).toBeLessThan(320)
  })

  test('markup in a post body or in the query comes back escaped, with only <mark> tags', () => {
    const text = 'Beware <script>alert("x")</script> & <img src=x onerror=alert(1)> in a usability post.'
    const index = createSearchIndex([post('a', { text })])
    for (const query of ['usability', '<script>', '<img src=x onerror=alert(1)>', 'alert']) {
      const [hit] = searchIndex(index, query).results
      expect(hit).toBeDefined()
      expect(hit.snippet).not.toMatch(/<script|<img/i)
      expect(tagsIn(hit.snippet).every((tag) => tag === '<mark>' || tag === '</mark>')).toBe(true)
    }
    const [hit] = searchIndex(index, 'script').results
    expect(hit.snippet).toContain('&#60;<mark>script</mark>&#62;')
  })

  test('falls back to the summary, then the opening, when the body does not hold the match', () => {
    const index = createSearchIndex([
      post('summary', { summary: 'All about potholes.', text: 'Roads.' }),
      post('title', { title: 'Bridges', text: 'A very long opening. '.repeat(30) }),
    ])
    expect(searchIndex(index, 'potholes').results[0].snippet).toBe('All about <mark>potholes</mark>.')
    const opening = searchIndex(index, 'bridges').results[0].snippet
    expect(opening.startsWith('A very long opening.')).toBe(true)
    expect(opening.endsWith(' …')).toBe(true)
    expect(opening).not.toContain('<mark>')
  })

  test('snippetOf is undefined without a match, and escapeHtml covers the five characters', () => {
    expect(snippetOf('nothing here', new Set(['else']))).toBeUndefined()
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;')
  })
})

describe('request parsing', () => {
  test('a missing or blank query is a valid empty search', () => {
    expect(parseSearchParams(new URLSearchParams(''))).toEqual({ ok: true, params: { query: '', limit: 10 } })
    expect(parseSearchParams(new URLSearchParams('q=%20%20'))).toEqual({ ok: true, params: { query: '', limit: 10 } })
    expect(parseSearchQuery(' open data ')).toEqual({ ok: true, query: 'open data' })
  })

  test('a query over 200 characters is refused with a message', () => {
    expect(parseSearchQuery('a'.repeat(200)).ok).toBe(true)
    const tooLong = parseSearchParams(new URLSearchParams({ q: 'a'.repeat(201) }))
    expect(tooLong.ok).toBe(false)
    expect(!tooLong.ok && tooLong.error).toMatch(/200 characters or fewer/)
  })

  test('limit must be a whole number from 1 to 50', () => {
    for (const bad of ['0', '51', 'abc', '-1', '1.5', '', ' 5', '1e1', '0x10', '99999']) {
      expect(parseSearchLimit(bad).ok).toBe(false)
    }
    expect(parseSearchLimit('1')).toEqual({ ok: true, limit: 1 })
    expect(parseSearchLimit(String(MAX_LIMIT))).toEqual({ ok: true, limit: MAX_LIMIT })
    expect(parseSearchLimit(null)).toEqual({ ok: true, limit: 10 })
    expect(parseSearchParams(new URLSearchParams('q=x&limit=51')).ok).toBe(false)
  })
})

describe('only published posts and pages are searchable', () => {
  const now = new Date('2020-06-01T12:00:00Z')
  const posts = [
    fullPost('live', { title: 'Zebra crossings', date: '2020-01-01T00:00:00.000Z' }),
    fullPost('draft', { title: 'Zebra draft', draft: true, date: '2019-01-01T00:00:00.000Z' }),
    fullPost('scheduled', { title: 'Zebra scheduled', date: '2020-06-02T00:00:00.000Z' }),
  ]

  test('drafts and future posts are never results, and the published URL is /posts/<slug>', async () => {
    const zebra = await found('zebra', { now, posts })
    expect(zebra.total).toBe(1)
    expect(zebra.results.map((hit) => hit.url)).toEqual(['/posts/live'])
    expect((await found('draft', { now, posts })).total).toBe(0)
    expect((await found('scheduled', { now, posts })).total).toBe(0)
  })

  test('a scheduled post becomes searchable once its date passes; a draft never does', async () => {
    const later = new Date('2020-06-03T00:00:00Z')
    expect((await found('zebra', { now: later, posts })).results.map((hit) => hit.url).sort()).toEqual(['/posts/live', '/posts/scheduled'])
    expect((await found('draft', { now: new Date('2100-01-01T00:00:00Z'), posts })).total).toBe(0)
  })

  test('published pages are found beside posts, marked as pages with no date; draft pages never are', async () => {
    const pages = [
      makePage({ slug: 'live', title: 'Zebra policy', text: 'How we name crossings.' }),
      makePage({ slug: 'hidden', title: 'Zebra secret', draft: true }),
    ]
    const zebra = await found('zebra', { now, posts, pages })
    expect(zebra.results.map(({ type, url, date }) => ({ type, url, date })).sort((a, b) => a.url.localeCompare(b.url))).toEqual([
      { type: 'page', url: '/live', date: undefined },
      { type: 'post', url: '/posts/live', date: '2020-01-01T00:00:00.000Z' },
    ])
    const page = (await found('crossings', { now, posts, pages })).results.find((hit) => hit.type === 'page')
    expect(page?.snippet).toBe('How we name <mark>crossings</mark>.')
    expect((await found('secret', { now, posts, pages })).total).toBe(0)
  })

  test('the index is built once per set of published posts, not per request', async () => {
    const first = await publishedSearchIndex(now, posts)
    expect(await publishedSearchIndex(new Date(now.getTime() + 60_000), posts)).toBe(first)
    const afterGoLive = await publishedSearchIndex(new Date('2020-06-03T00:00:00Z'), posts)
    expect(afterGoLive).not.toBe(first)
    expect(await publishedSearchIndex(new Date('2020-06-04T00:00:00Z'), posts)).toBe(afterGoLive)
  })
})

describe('while the index loads', () => {
  const now = new Date('2020-06-01T12:00:00Z')
  const posts = [fullPost('live', { title: 'Zebra crossings', date: '2020-01-01T00:00:00.000Z' })]
  const published = (at: Date): PublishedDocument[] =>
    getPublishedPosts(at, posts).map(({ slug, title, summary, tags, date }) => ({
      id: `/posts/${slug}`,
      type: 'post',
      listing: { id: `/posts/${slug}`, title, summary, tags, date },
      text: () => filler,
    }))
  const source = (load: () => Promise<PostSearch>) => ({ published, load })

  test('a query waits a bounded time, then is told to come back, without an error', async () => {
    let finish: (engine: PostSearch) => void = () => {}
    const search = new PublishedSearch(source(() => new Promise((resolve) => (finish = resolve))))
    const started = performance.now()
    const outcome = await search.search('zebra', { now, waitMs: 50 })
    expect(performance.now() - started).toBeLessThan(1000)
    expect(outcome).toEqual({ ok: false, status: 503, error: expect.stringMatching(/starting up/), retryAfterSeconds: SEARCH_RETRY_AFTER_SECONDS })
    finish(indexDocuments([]))
    const ready = await search.search('zebra', { now, waitMs: 50 })
    expect(ready.ok && ready.response.results.map((hit) => hit.url)).toEqual(['/posts/live'])
  })

  test('a query that comes while it loads gets results as soon as it is ready, within the bound', async () => {
    const search = new PublishedSearch(source(() => new Promise((resolve) => setTimeout(() => resolve(indexDocuments([])), 30))))
    const outcome = await search.search('zebra', { now, waitMs: 5_000 })
    expect(outcome.ok && outcome.response.total).toBe(1)
  })

  test('a failed load is answered 503 and tried again by the next query', async () => {
    let attempts = 0
    const search = new PublishedSearch(
      source(async () => {
        attempts += 1
        if (attempts === 1) throw new Error('index file missing')
        return indexDocuments([])
      }),
    )
    const error = jest.spyOn(console, 'error').mockImplementation(() => {})
    expect((await search.search('zebra', { now })).ok).toBe(false)
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/index file missing/))
    expect((await search.search('zebra', { now })).ok).toBe(true)
    expect(attempts).toBe(2)
    error.mockRestore()
  })
})
