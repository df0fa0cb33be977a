import { buildFeed, serializeFeed, sitemapEntries, toJsonFeed11 } from '@/lib/seo'
import { makePost } from '../fixtures'

const posts = [
  {
    ...makePost({ slug: 'second', title: 'Second & <last>', date: '2014-04-14T00:00:00.000Z', tags: ['open-data'] }),
    html: '<p>Full <em>body</em> two</p>',
  },
  { ...makePost({ slug: 'first', title: 'First', date: '2014-01-20T00:00:00.000Z' }), html: '<p>Full body one</p>' },
]
const authors = () => ({ id: 'ann', name: 'Ann Author' }) as never

describe('feeds', () => {
  const feed = buildFeed({ posts, authors })
  test('RSS 2.0 carries full content, escaped titles and categories', () => {
    const rss = serializeFeed(feed, 'rss')
    expect(rss).toContain('<rss version="2.0"')
    expect(rss).toContain('<content:encoded><![CDATA[<p>Full <em>body</em> two</p>]]></content:encoded>')
    expect(rss).toContain('<title><![CDATA[Second & <last>]]></title>')
    expect(rss).toContain('/posts/second</link>')
    expect(rss).toMatch(/<category domain="[^"]+\/tags\/open-data">open-data<\/category>/)
  })
  test('Atom has one entry per post, newest first', () => {
    const atom = serializeFeed(feed, 'atom')
    expect(atom.match(/<entry>/g)).toHaveLength(2)
    expect(atom.indexOf('/posts/second')).toBeLessThan(atom.indexOf('/posts/first'))
    expect(atom).toContain('<updated>2014-04-14T00:00:00.000Z</updated>')
  })
  test('JSON Feed is version 1.1 with authors lists and a language', () => {
    const json = JSON.parse(serializeFeed(feed, 'json'))
    expect(json.version).toBe('https://jsonfeed.org/version/1.1')
    expect(json.language).toBe('en-GB')
    expect(json.items[0].content_html).toBe('<p>Full <em>body</em> two</p>')
    expect(json.items[0].authors).toEqual([expect.objectContaining({ name: 'Ann Author' })])
    expect(json.items[0].author).toBeUndefined()
  })
  test('a post without feed HTML in the store carries its summary, escaped', () => {
    const json = JSON.parse(
      serializeFeed(buildFeed({ posts: [{ ...makePost({ slug: 'bare', summary: 'Fish & <chips>' }), html: undefined }], authors }), 'json'),
    )
    expect(json.items[0].content_html).toBe('<p>Fish &#38; &#60;chips&#62;</p>')
  })
  test('toJsonFeed11 leaves items without an author alone', () => {
    const upgraded = JSON.parse(toJsonFeed11(JSON.stringify({ version: 'https://jsonfeed.org/version/1', items: [{ id: 'x' }] }), 'cy'))
    expect(upgraded).toEqual({ version: 'https://jsonfeed.org/version/1.1', language: 'cy', items: [{ id: 'x' }] })
  })
})

describe('sitemap', () => {
  test("lists the seed's pages after the posts, with the statement's update date", () => {
    const urls = sitemapEntries().map((entry) => new URL(entry.url).pathname)
    expect(urls).toEqual(expect.arrayContaining(['/', '/posts/shifting-digital-sands', '/about', '/accessibility']))
    const statement = sitemapEntries().find((entry) => entry.url.endsWith('/accessibility'))
    expect(statement?.lastModified).toEqual(new Date('2026-11-29T00:00:00.000Z'))
  })
})
