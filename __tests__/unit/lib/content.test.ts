import {
  getAdjacentPosts,
  getArchiveYear,
  getArchiveYears,
  getPostsByAuthor,
  getPostsByTag,
  getPublishedPost,
  getPublishedPosts,
  getTag,
  getTags,
  getUnpublishedPosts,
  groupByMonth,
  isPublished,
  paginate,
  parsePageNumber,
  publishState as postState,
  readPostText,
} from '@/lib/content/posts'
import { postVersion } from '@/lib/og'
import { listingPageUrl, tagUrl } from '@/lib/routes'
import { makePost } from '../fixtures'

const now = new Date('2026-06-01T12:00:00Z')
const posts = [
  makePost({ slug: 'old', date: '2014-01-20T00:00:00.000Z', tags: ['events', 'Open Data'] }),
  makePost({ slug: 'newer', date: '2014-04-14T00:00:00.000Z', tags: ['events'] }),
  makePost({ slug: 'draft-one', date: '2014-03-01T00:00:00.000Z', draft: true, tags: ['secret-tag'] }),
  makePost({ slug: 'future-one', date: '2026-06-01T12:00:01.000Z', tags: ['future-tag'] }),
  makePost({ slug: 'due-now', date: '2026-06-01T12:00:00.000Z' }),
]

describe('the published filter', () => {
  test('a draft is never published, whatever its date', () => {
    expect(isPublished({ draft: true, date: '2000-01-01' }, now)).toBe(false)
  })
  test('a future-dated post is scheduled until its date, then published', () => {
    const post = { draft: false, date: '2026-06-01T12:00:01.000Z' }
    expect(isPublished(post, now)).toBe(false)
    expect(postState(post, now)).toBe('scheduled')
    expect(isPublished(post, new Date('2026-06-01T12:00:01.000Z'))).toBe(true)
  })
  test('getPublishedPosts drops drafts and scheduled posts and sorts newest first', () => {
    expect(getPublishedPosts(now, posts).map((p) => p.slug)).toEqual(['due-now', 'newer', 'old'])
    expect(getUnpublishedPosts(now, posts).map((p) => p.slug)).toEqual(['future-one', 'draft-one'])
  })
  test('getPublishedPost will not return a draft or a scheduled post', () => {
    expect(getPublishedPost('draft-one', now, posts)).toBeUndefined()
    expect(getPublishedPost('future-one', now, posts)).toBeUndefined()
    expect(getPublishedPost('old', now, posts)?.slug).toBe('old')
  })
  test('prev/next links skip unpublished posts', () => {
    const { newer, older } = getAdjacentPosts('newer', now, posts)
    expect(newer?.slug).toBe('due-now')
    expect(older?.slug).toBe('old')
    expect(getAdjacentPosts('draft-one', now, posts)).toEqual({})
  })
  test('tags and archive count only published posts', () => {
    expect(getTags(now, posts)).toEqual([
      { slug: 'events', name: 'events', count: 2 },
      { slug: 'open-data', name: 'Open Data', count: 1 },
    ])
    expect(getPostsByTag('secret-tag', now, posts)).toEqual([])
    expect(getPostsByTag('open-data', now, posts).map((p) => p.slug)).toEqual(['old'])
    const years = getArchiveYears(now, posts)
    expect(years.map((y) => [y.year, y.count])).toEqual([
      ['2026', 1],
      ['2014', 2],
    ])
    expect(years[1].months).toEqual([
      { key: '2014-04', date: '2014-04-14T00:00:00.000Z', count: 1, offset: 0 },
      { key: '2014-01', date: '2014-01-20T00:00:00.000Z', count: 1, offset: 1 },
    ])
    expect(getArchiveYear('2014', now, posts).map((p) => p.slug)).toEqual(['newer', 'old'])
    expect(getArchiveYear('2013', now, posts)).toEqual([])
    expect(groupByMonth(getArchiveYear('2014', now, posts)).map((m) => [m.key, m.posts.map((p) => p.slug)])).toEqual([
      ['2014-04', ['newer']],
      ['2014-01', ['old']],
    ])
  })
  test("an author lists only their published posts; posts without an author are the default author's", () => {
    const byAnn = [
      makePost({ slug: 'by-ann', author: 'ann' }),
      makePost({ slug: 'by-default' }),
      makePost({ slug: 'ann-draft', author: 'ann', draft: true }),
    ]
    expect(getPostsByAuthor('ann', now, byAnn).map((p) => p.slug)).toEqual(['by-ann'])
    expect(getPostsByAuthor('digital-communications-manager', now, byAnn).map((p) => p.slug)).toEqual(['by-default'])
  })
  test('a scheduled post joins listings, tags and the archive once its date comes', () => {
    const later = new Date('2026-06-01T12:00:01.000Z')
    expect(getPublishedPosts(later, posts).map((p) => p.slug)).toEqual(['future-one', 'due-now', 'newer', 'old'])
    expect(getTag('future-tag', now, posts)).toBeUndefined()
    expect(getTag('future-tag', later, posts)).toEqual({ slug: 'future-tag', name: 'future-tag', count: 1 })
    expect(getArchiveYear('2026', later, posts).map((p) => p.slug)).toEqual(['future-one', 'due-now'])
  })
  test('listings are computed once per change in what is published, not per call', () => {
    const first = getPublishedPosts(now, posts)
    expect(getPublishedPosts(new Date(now.getTime() + 500), posts)).toBe(first)
    expect(getTags(now, posts)).toBe(getTags(now, posts))
    expect(getPublishedPosts(new Date('2026-06-01T12:00:01.000Z'), posts)).not.toBe(first)
  })
  test('the order never depends on file order: same moment, then slug', () => {
    const sameDay = [makePost({ slug: 'b', date: '2014-01-01T00:00:00.000Z' }), makePost({ slug: 'a', date: '2014-01-01T00:00:00.000Z' })]
    expect(getPublishedPosts(now, sameDay).map((p) => p.slug)).toEqual(['a', 'b'])
    expect(getPublishedPosts(now, [...sameDay].reverse()).map((p) => p.slug)).toEqual(['a', 'b'])
  })
  test('a tag in another script links percent-encoded and is found from its address', () => {
    const tagged = [makePost({ slug: 'notes', tags: ['远征手记'] })]
    expect(tagUrl('远征手记')).toBe('/tags/%E8%BF%9C%E5%BE%81%E6%89%8B%E8%AE%B0')
    expect(getTag('%E8%BF%9C%E5%BE%81%E6%89%8B%E8%AE%B0', now, tagged)).toEqual({ slug: '远征手记', name: '远征手记', count: 1 })
    expect(getTag('远征手记', now, tagged)?.slug).toBe('远征手记')
    expect(getTag('%ff', now, tagged)).toBeUndefined()
  })
})

describe('pagination', () => {
  const items = Array.from({ length: 23 }, (_, i) => i)
  test('slices pages of ten and refuses pages out of range', () => {
    expect(paginate(items, 1, 10)).toEqual({ items: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], page: 1, totalPages: 3 })
    expect(paginate(items, 3, 10)?.items).toEqual([20, 21, 22])
    expect(paginate(items, 4, 10)).toBeUndefined()
    expect(paginate(items, 0, 10)).toBeUndefined()
    expect(paginate([], 1, 10)).toEqual({ items: [], page: 1, totalPages: 1 })
  })
  test('later pages of a listing are <first page>/page/N', () => {
    expect(listingPageUrl('/', 1)).toBe('/')
    expect(listingPageUrl('/', 2)).toBe('/page/2')
    expect(listingPageUrl('/tags/open-data', 1)).toBe('/tags/open-data')
    expect(listingPageUrl('/tags/open-data', 3)).toBe('/tags/open-data/page/3')
    expect(listingPageUrl('/archive/2014', 2)).toBe('/archive/2014/page/2')
  })
  test('only canonical page numbers parse', () => {
    expect(parsePageNumber('2')).toBe(2)
    for (const bad of ['0', '02', '-1', '1.5', 'abc', '', '9999999']) expect(parsePageNumber(bad)).toBeUndefined()
  })
})

describe('postVersion', () => {
  test('changes when what a card shows changes', () => {
    const post = makePost({ slug: 'a' })
    expect(postVersion(post)).toBe(postVersion({ ...post }))
    expect(postVersion({ ...post, title: 'Another title' })).not.toBe(postVersion(post))
    expect(postVersion({ ...post, updated: '2015-01-01T00:00:00.000Z' })).not.toBe(postVersion(post))
  })
})

describe('the seed content', () => {
  test('has the five seed posts, published, with the dates the seed README fixes', () => {
    const published = getPublishedPosts(new Date())
    expect(published.map((p) => [p.slug, p.date.slice(0, 10)])).toEqual([
      ['localgovdigital-a-day-with-gdsteam', '2014-04-14'],
      ['shifting-digital-sands', '2014-03-24'],
      ['hack-devon-county-council', '2014-03-03'],
      ['localgov-digital-free-usability-dashboard-beta', '2014-02-12'],
      ['localgovcamp-is-back-for-2014', '2014-01-20'],
    ])
    const hack = published.find((p) => p.slug === 'hack-devon-county-council')!
    expect(hack.date > '2014-02-27' && hack.date < '2014-03-08').toBe(true)
    for (const post of published) expect(post.dateNote).toBeTruthy()
  })
  test('keeps the words as written, typos included', () => {
    const text = getPublishedPosts(new Date())
      .map((p) => readPostText(p))
      .join('\n')
    expect(text).toContain('Electoral Role')
    expect(text).toContain('LocaGov Digital')
  })
})
