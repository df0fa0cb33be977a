/**
 * Old category addresses: a child category lives at /category/<parent>/<child>/ on a WordPress
 * site, and every category also answers ?cat=<term id>. Both must reach the tag the category
 * became, in one hop.
 */
import { parseWxrExport, planExport } from '@/lib/wordpress'

const EXPORT = `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>Categories</title>
  <link>https://old.example.org</link>
  <wp:wxr_version>1.2</wp:wxr_version>
  <wp:base_site_url>https://old.example.org</wp:base_site_url>
  <wp:base_blog_url>https://old.example.org</wp:base_blog_url>
  <wp:category><wp:term_id>3</wp:term_id><wp:category_nicename><![CDATA[services]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[Services]]></wp:cat_name></wp:category>
  <wp:category><wp:term_id>7</wp:term_id><wp:category_nicename><![CDATA[bins]]></wp:category_nicename><wp:category_parent><![CDATA[services]]></wp:category_parent><wp:cat_name><![CDATA[Bins]]></wp:cat_name></wp:category>
  <wp:category><wp:term_id>9</wp:term_id><wp:category_nicename><![CDATA[recycling]]></wp:category_nicename><wp:category_parent><![CDATA[bins]]></wp:category_parent><wp:cat_name><![CDATA[Recycling]]></wp:cat_name></wp:category>
  <item>
    <title><![CDATA[Bin day moves]]></title>
    <link>https://old.example.org/bin-day-moves/</link>
    <dc:creator><![CDATA[sarah]]></dc:creator>
    <content:encoded><![CDATA[<p>Bin day moves to Tuesday.</p>]]></content:encoded>
    <excerpt:encoded><![CDATA[]]></excerpt:encoded>
    <wp:post_id>21</wp:post_id>
    <wp:post_date><![CDATA[2012-05-01 10:00:00]]></wp:post_date>
    <wp:post_date_gmt><![CDATA[2012-05-01 10:00:00]]></wp:post_date_gmt>
    <wp:comment_status><![CDATA[open]]></wp:comment_status>
    <wp:post_name><![CDATA[bin-day-moves]]></wp:post_name>
    <wp:status><![CDATA[publish]]></wp:status>
    <wp:post_parent>0</wp:post_parent>
    <wp:post_type><![CDATA[post]]></wp:post_type>
    <category domain="category" nicename="recycling"><![CDATA[Recycling]]></category>
    <category domain="category" nicename="services"><![CDATA[Services]]></category>
  </item>
</channel>
</rss>`

function redirectsOf(xml: string): Map<string, string> {
  const plan = planExport(parseWxrExport(xml), { postsDir: 'content/posts' })
  return new Map(plan.redirects.redirects.map(({ from, to }) => [from, to]))
}

describe('old category addresses', () => {
  const redirects = redirectsOf(EXPORT)

  it('reach a child category under its parents, as WordPress addressed it', () => {
    expect(redirects.get('/category/services/bins/recycling/')).toBe('/tags/recycling')
    expect(redirects.get('/category/services/bins/recycling/feed/')).toBe('/feed.xml')
    expect(redirects.get('/category/services/')).toBe('/tags/services')
  })

  it('reach each category from ?cat=<term id>', () => {
    expect(redirects.get('/?cat=9')).toBe('/tags/recycling')
    expect(redirects.get('/?cat=3')).toBe('/tags/services')
  })

  it('leave out categories no published post carries', () => {
    expect(redirects.has('/?cat=7')).toBe(false)
    expect([...redirects.keys()].some((from) => from.includes('/bins/') && !from.includes('recycling'))).toBe(false)
  })
})
