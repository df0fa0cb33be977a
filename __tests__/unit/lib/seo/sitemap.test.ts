import { XMLParser } from 'fast-xml-parser'
import { parseSitemapPart, SITEMAP_MAX_URLS, sitemapPartCount, sitemapXml, type SitemapEntry } from '@/lib/seo'

const entries = (count: number): SitemapEntry[] =>
  Array.from({ length: count }, (_, i) => ({
    url: `http://localhost:3000/posts/post-${i}?a=1&b=<2>`,
    lastModified: new Date(Date.UTC(2014, 0, 1 + i)),
  }))

const parse = (xml: string) => new XMLParser({ ignoreAttributes: false }).parse(xml)

describe('the sitemap', () => {
  test('up to the limit, /sitemap.xml lists every address itself, escaped', () => {
    const xml = sitemapXml(entries(3), undefined, 5)!
    const { urlset } = parse(xml)
    expect(urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    expect(urlset.url).toHaveLength(3)
    expect(xml).toContain('<loc>http://localhost:3000/posts/post-0?a=1&amp;b=&lt;2&gt;</loc>')
    expect(xml).toContain('<lastmod>2014-01-01T00:00:00.000Z</lastmod>')
    expect(sitemapXml(entries(3), 1, 5)).toBeUndefined()
  })

  test("names a translated document's versions, itself included, as xhtml:link alternates", () => {
    const pair = [
      { lang: 'en-GB', url: 'http://localhost:3000/posts/coast' },
      { lang: 'cy', url: 'http://localhost:3000/posts/arfordir' },
    ]
    const xml = sitemapXml([{ url: pair[0].url, alternates: pair }, { url: 'http://localhost:3000/posts/alone' }], undefined, 5)!
    const { urlset } = parse(xml)
    expect(urlset['@_xmlns:xhtml']).toBe('http://www.w3.org/1999/xhtml')
    expect(urlset.url[0]['xhtml:link']).toEqual(pair.map(({ lang, url }) => ({ '@_rel': 'alternate', '@_hreflang': lang, '@_href': url })))
    expect(urlset.url[1]['xhtml:link']).toBeUndefined()
    expect(xml).toContain('<xhtml:link rel="alternate" hreflang="cy" href="http://localhost:3000/posts/arfordir"/>')
  })

  test('past the limit it becomes an index of parts, each within the limit, with every address in exactly one', () => {
    const all = entries(12)
    expect(sitemapPartCount(all, 5)).toBe(3)
    const index = parse(sitemapXml(all, undefined, 5)!).sitemapindex
    expect(index.sitemap.map((part: { loc: string }) => part.loc)).toEqual([1, 2, 3].map((n) => `http://localhost:3000/sitemaps/${n}.xml`))
    expect(index.sitemap[0].lastmod).toBe('2014-01-05T00:00:00.000Z')
    const listed = [1, 2, 3].flatMap((part) => {
      const urls = [parse(sitemapXml(all, part, 5)!).urlset.url].flat()
      expect(urls.length).toBeLessThanOrEqual(5)
      return urls.map((url: { loc: string }) => url.loc)
    })
    expect(listed).toEqual(all.map((entry) => entry.url))
    expect(sitemapXml(all, 4, 5)).toBeUndefined()
    expect(sitemapXml(all, 0, 5)).toBeUndefined()
  })

  test('switches at 10,000 addresses, so 50,000 posts make five files of 10,000', () => {
    expect(SITEMAP_MAX_URLS).toBe(10_000)
    expect(sitemapPartCount(entries(10_000))).toBe(0)
    expect(sitemapPartCount(entries(10_001))).toBe(2)
    expect(sitemapPartCount(entries(50_000))).toBe(5)
  })

  test('only canonical part names parse', () => {
    expect(parseSitemapPart('2.xml')).toBe(2)
    for (const bad of ['0.xml', '02.xml', '2', '2.xml.gz', 'a.xml', '-1.xml']) expect(parseSitemapPart(bad)).toBeUndefined()
  })
})
