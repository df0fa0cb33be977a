/**
 * Comments on WordPress pages: approved ones are kept with the page
 * (`content/comments/pages/<page-slug>.json`, beside the posts' `comments/<post-slug>.json`),
 * a page whose comments WordPress closed says so, and the content build carries them into
 * the store with the page.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseWxrExport, planExport } from '@/lib/wordpress'
import { buildContent, builtStoreDir } from '../../contentlayer-build'

const comment = (id: string, date: string, text: string) => `
    <wp:comment>
      <wp:comment_id>${id}</wp:comment_id>
      <wp:comment_author><![CDATA[Reader ${id}]]></wp:comment_author>
      <wp:comment_author_email><![CDATA[reader${id}@example.org]]></wp:comment_author_email>
      <wp:comment_author_url></wp:comment_author_url>
      <wp:comment_author_IP><![CDATA[192.0.2.${id}]]></wp:comment_author_IP>
      <wp:comment_date><![CDATA[${date}]]></wp:comment_date>
      <wp:comment_date_gmt><![CDATA[${date}]]></wp:comment_date_gmt>
      <wp:comment_content><![CDATA[${text}]]></wp:comment_content>
      <wp:comment_approved><![CDATA[1]]></wp:comment_approved>
      <wp:comment_type><![CDATA[comment]]></wp:comment_type>
      <wp:comment_parent>0</wp:comment_parent>
    </wp:comment>`

const page = (id: string, slug: string, parent: string, status: string, comments: string) => `
  <item>
    <title><![CDATA[${slug}]]></title>
    <link>https://old.example.org/${slug}/</link>
    <dc:creator><![CDATA[sarah]]></dc:creator>
    <content:encoded><![CDATA[<p>The ${slug} page.</p>]]></content:encoded>
    <excerpt:encoded><![CDATA[]]></excerpt:encoded>
    <wp:post_id>${id}</wp:post_id>
    <wp:post_date><![CDATA[2012-05-01 10:00:00]]></wp:post_date>
    <wp:post_date_gmt><![CDATA[2012-05-01 10:00:00]]></wp:post_date_gmt>
    <wp:comment_status><![CDATA[${status}]]></wp:comment_status>
    <wp:post_name><![CDATA[${slug}]]></wp:post_name>
    <wp:status><![CDATA[publish]]></wp:status>
    <wp:post_parent>${parent}</wp:post_parent>
    <wp:post_type><![CDATA[page]]></wp:post_type>${comments}
  </item>`

const EXPORT = `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>Pages with comments</title>
  <link>https://old.example.org</link>
  <wp:wxr_version>1.2</wp:wxr_version>
  ${page('40', 'visit', '0', 'open', comment('1', '2012-05-02 09:00:00', 'Is there parking?'))}
  ${page('41', 'opening-times', '40', 'closed', comment('2', '2012-05-03 09:00:00', 'Open on bank holidays?') + comment('3', '2012-05-04 09:00:00', 'Thanks!'))}
</channel>
</rss>`

describe('comments on imported pages', () => {
  const plan = planExport(parseWxrExport(EXPORT), { postsDir: 'content/posts' })
  const byTitle = (title: string) => plan.items.find((item) => item.title === title)!

  it('keeps the approved comments of a page, with no email or IP address, and says when WordPress closed them', () => {
    expect(byTitle('visit').comments.map((kept) => kept.name)).toEqual(['Reader 1'])
    expect(byTitle('opening-times').comments.map((kept) => kept.name)).toEqual(['Reader 2', 'Reader 3'])
    expect(byTitle('visit').commentsLeftOut).toBe(0)
    expect(JSON.stringify(byTitle('opening-times').comments)).not.toMatch(/@|192\.0\.2/)
    expect(byTitle('opening-times').mdx).toMatch(/^comments: closed$/m)
    expect(byTitle('visit').mdx).not.toMatch(/^comments:/m)
  })

  it('are carried into the content store with their page, a child page too', () => {
    const build = buildContent((content) => {
      for (const item of plan.items) {
        const file = path.join(content, path.relative('content', item.path))
        fs.mkdirSync(path.dirname(file), { recursive: true })
        fs.writeFileSync(file, item.mdx)
        const thread = path.join(content, 'comments', 'pages', `${item.slug}.json`)
        fs.mkdirSync(path.dirname(thread), { recursive: true })
        fs.writeFileSync(thread, JSON.stringify({ comments: item.comments }))
      }
    })
    expect(build.output).not.toMatch(/Invalid content/)
    expect(build.status).toBe(0)
    const store = builtStoreDir(build)
    const index = JSON.parse(fs.readFileSync(path.join(store, 'index.json'), 'utf8')) as {
      pages: { slug: string; commentCount?: number; comments?: unknown }[]
    }
    const child = index.pages.find((stored) => stored.slug === 'visit/opening-times')
    expect(child).toMatchObject({ commentCount: 2, comments: 'closed' })
    expect(index.pages.find((stored) => stored.slug === 'visit')).toMatchObject({ commentCount: 1 })
    const part = fs.readFileSync(path.join(store, 'pages', `${encodeURIComponent('visit/opening-times')}.comments.json`), 'utf8')
    expect(JSON.parse(part).map((kept: { name: string }) => kept.name)).toEqual(['Reader 2', 'Reader 3'])
  })
})
