import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { isValidPostSlug } from '@/lib/markdown'
import { asciiSlug, htmlToMdx, parseWxr, planImport, WxrParseError, type ConvertedItem, type ImportPlan, type WxrItem } from '@/lib/wordpress'
import { ROOT } from '@/scripts/lib/process'
import { buildContent, generatedDocuments, generatedPosts } from '../../contentlayer-build'
const FIXTURES = path.join(ROOT, '__tests__/fixtures/wordpress')
const EXPORT = path.join(FIXTURES, 'export.xml')
const MALFORMED = path.join(FIXTURES, 'malformed.xml')
const TSX = path.join(ROOT, 'node_modules/.bin/tsx')
const CLI = path.join(ROOT, 'scripts/import-wordpress.ts')

const items = parseWxr(fs.readFileSync(EXPORT, 'utf8'))

function byTitle(plan: ImportPlan, start: string): ConvertedItem {
  const found = plan.items.find((item) => item.title.startsWith(start))
  if (!found) throw new Error(`no imported item titled "${start}…"`)
  return found
}

function frontmatterOf(mdx: string): string {
  return /^---\n([\s\S]*?)\n---\n/.exec(mdx)![1]
}

function bodyOf(mdx: string): string {
  return mdx.replace(/^---\n[\s\S]*?\n---\n/, '')
}

/** The fixtures' old sites are example.org addresses: no unit test asks the network for their pictures. */
function runCli(args: string[], cwd: string) {
  const result = spawnSync(TSX, [CLI, '--no-download', ...args], { cwd, encoding: 'utf8' })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

describe('parseWxr', () => {
  it('reads every item with its fields and terms', () => {
    expect(items.map((item) => item.postType)).toEqual([
      ...['post', 'post', 'post', 'post', 'post', 'attachment'],
      ...['page', 'page', 'page', 'page', 'page', 'nav_menu_item', 'revision'],
    ])
    expect(items.find((item) => item.title === 'The team')?.parent).toBe('2')
    const first = items[0]
    expect(first.title).toBe('Open data – what’s next for councils?')
    expect(first.postName).toBe('open-data-whats-next')
    expect(first.postDate).toBe('2014-03-24 10:15:00')
    expect(first.creator).toBe('sarah')
    expect(first.content).toContain('[caption id="attachment_7"')
    expect(first.terms).toContainEqual({ domain: 'post_format', nicename: 'post-format-standard', name: 'Standard' })
  })

  it('reports malformed XML with its line number', () => {
    const xml = fs.readFileSync(MALFORMED, 'utf8')
    expect(() => parseWxr(xml)).toThrow(WxrParseError)
    expect(() => parseWxr(xml)).toThrow(/line 8, column 2: Expected closing tag 'item'/)
    try {
      parseWxr(xml)
    } catch (error) {
      expect((error as WxrParseError).line).toBe(8)
    }
  })

  it('rejects well-formed XML that is not an RSS export', () => {
    expect(() => parseWxr('<html><body/></html>')).toThrow(
      'Not a WordPress export: it is XML, but not a WordPress export (its root element is <html>, not <rss>)',
    )
  })
})

describe('planImport: mapping items to posts', () => {
  const plan = planImport(items)

  it('writes the five posts and the five pages, and skips the attachment, menu item and revision', () => {
    expect(plan.items.map((item) => item.path)).toEqual([
      'content/posts/open-data-whats-next.mdx',
      'content/posts/maths-and-markup.mdx',
      'content/posts/draft-notes-from-lodz.mdx',
      'content/posts/pending-review.mdx',
      'content/posts/w-croeso.mdx',
      'content/pages/about.mdx',
      'content/pages/contact.mdx',
      'content/pages/about/team.mdx',
      'content/pages/search-page.mdx',
      'content/pages/privacy-notice.mdx',
    ])
    expect(plan.skipped.map((item) => [item.title, item.reason])).toEqual([
      ['camp.jpg', 'post type "attachment" is not imported'],
      ['Home', 'post type "nav_menu_item" is not imported'],
      ['Open data – what’s next for councils?', 'post type "revision" is not imported'],
    ])
  })

  it('maps a published post to the blog frontmatter, with no other fields', () => {
    const post = byTitle(plan, 'Open data')
    expect(post.state).toBe('published')
    expect(frontmatterOf(post.mdx)).toBe(
      [
        'title: "Open data – what’s next for councils?"',
        'summary: "Councils hold a lot of data – most of it isn’t published. This post is about changing that, with help from everyone."',
        'date: 2014-03-24T10:15:00Z',
        'tags: [open-data, localgov]',
      ].join('\n'),
    )
  })

  it('turns categories and tags into deduplicated tag slugs, keeping display names, and ignores the post format', () => {
    const post = byTitle(plan, 'Open data')
    expect(post.tags).toEqual({ 'open-data': ['Open Data', 'open data'], localgov: ['LocalGov'] })
    expect(post.mdx).not.toMatch(/standard/i)
    expect(byTitle(plan, 'Croeso').tags).toEqual({ wales: ['Wales'] })
    expect(byTitle(plan, 'Draft').tags).toEqual({ łodz: ['Łódź'] })
  })

  it('keeps the local time and its offset from GMT', () => {
    expect(byTitle(plan, 'Maths').date).toBe('2014-04-02T09:30:00+01:00')
    expect(new Date(byTitle(plan, 'Maths').date!).toISOString()).toBe('2014-04-02T08:30:00.000Z')
  })

  it('marks a draft, derives its slug from the title and dates it by its local time', () => {
    const draft = byTitle(plan, 'Draft')
    expect(draft.slug).toBe('draft-notes-from-lodz')
    expect(draft.state).toBe('draft')
    expect(frontmatterOf(draft.mdx)).toContain('\ndraft: true')
    expect(draft.date).toBe('2014-05-01T14:00:00Z')
    expect(draft.title).toBe('Draft: notes from Łódź')
  })

  it('marks a pending post as a draft and falls back to the modified date when the post date is zero', () => {
    const pending = byTitle(plan, 'Pending')
    expect(pending.state).toBe('draft')
    expect(pending.date).toBe('2014-05-03T11:20:00+01:00')
    expect(pending.unmappedLink).toBeUndefined()
  })

  it('keeps a scheduled post as not-draft with its future date, and re-derives a percent-encoded slug', () => {
    const scheduled = byTitle(plan, 'Croeso')
    expect(scheduled.state).toBe('scheduled')
    expect(scheduled.date).toBe('2031-01-15T09:00:00Z')
    expect(frontmatterOf(scheduled.mdx)).not.toContain('draft')
    expect(scheduled.slug).toBe('w-croeso')
    expect(scheduled.warnings).toContain('slug "%c5%b5-croeso" is not a valid file name; using "w-croeso"')
  })

  it('reports old links the date-and-slug redirect cannot reach', () => {
    expect(byTitle(plan, 'Croeso').unmappedLink).toEqual({
      link: 'https://old.example.org/2031/01/15/%c5%b5-croeso/',
      reason: 'slug in the old link ("%c5%b5-croeso") differs from the new slug ("w-croeso")',
    })
    expect(byTitle(plan, 'Open data').unmappedLink).toBeUndefined()
    expect(byTitle(plan, 'Maths').unmappedLink).toBeUndefined()

    const moved: WxrItem = { ...items[0], link: 'https://old.example.org/open-data-whats-next/' }
    expect(planImport([moved]).items[0].unmappedLink?.reason).toBe('old link is not of the form /YYYY/MM/DD/<slug>/')
  })

  it('gives every post a valid file-name slug and YAML-safe title and summary', () => {
    for (const post of plan.items.filter((item) => item.kind === 'post')) {
      expect(isValidPostSlug(post.slug)).toBe(true)
      const keys = frontmatterOf(post.mdx)
        .split('\n')
        .map((line) => line.split(':')[0])
      expect(keys.every((key) => ['title', 'date', 'summary', 'tags', 'draft', 'author'].includes(key))).toBe(true)
    }
    expect(frontmatterOf(byTitle(plan, 'Maths').mdx)).toContain('title: "Maths & markup: {curly} things"')
  })

  it('uses the excerpt as the summary, else the first sentences of the body within about 200 characters', () => {
    expect(frontmatterOf(byTitle(plan, 'Maths').mdx)).toContain('summary: "Braces, chevrons & other characters MDX would misread."')
    expect(frontmatterOf(byTitle(plan, 'Draft').mdx)).toContain(
      'summary: "We visited Łódź to see how the city publishes its budgets. The answer surprised us!"',
    )
    // A heading is not the start of a sentence.
    expect(frontmatterOf(byTitle(plan, 'Pending').mdx)).toContain('summary: "This one is waiting for an editor."')
  })

  it('omits the author unless one is given, and maps logins when given a map', () => {
    expect(plan.items.every((post) => !/\nauthor:/.test(frontmatterOf(post.mdx)))).toBe(true)
    const all = planImport(items, { author: 'digital-communications-manager' })
    const [posts, pages] = [all.items.filter((item) => item.kind === 'post'), all.items.filter((item) => item.kind === 'page')]
    expect(posts.every((post) => frontmatterOf(post.mdx).endsWith('\nauthor: digital-communications-manager'))).toBe(true)
    // The page schema has no author.
    expect(pages.every((page) => !/\nauthor:/.test(frontmatterOf(page.mdx)))).toBe(true)
    const mapped = planImport(items, { author: { sarah: 'sarah-lay' } })
    expect(frontmatterOf(byTitle(mapped, 'Open data').mdx)).toContain('\nauthor: sarah-lay')
    // The scheduled post is by "guest", who is not mapped.
    expect(frontmatterOf(byTitle(mapped, 'Croeso').mdx)).not.toContain('author')
  })

  it('writes pages beside the posts folder by default, where told, or not at all', () => {
    const beside = planImport(items, { postsDir: 'site/posts' })
    expect(beside.items.find((item) => item.kind === 'page')!.path).toBe('site/pages/about.mdx')
    const told = planImport(items, { postsDir: 'site/posts', pagesDir: 'elsewhere/pages' })
    const page = told.items.find((item) => item.kind === 'page')!
    expect(page.path).toBe('elsewhere/pages/about.mdx')
    expect(bodyOf(page.mdx).trim()).toBe('This blog is about digital public services.')
    expect(told.items.filter((item) => item.kind === 'post').every((post) => post.path.startsWith('site/posts/'))).toBe(true)
    const none = planImport(items, { skipPages: true })
    expect(none.items.filter((item) => item.kind === 'page')).toEqual([])
    expect(none.skipped.filter((item) => item.postType === 'page').map((item) => item.reason)).toEqual(Array(5).fill('page (--no-pages)'))
  })

  it('gives a second item with the same slug a numbered file instead of losing it', () => {
    const twice = planImport([items[0], { ...items[0], id: '999' }])
    expect(twice.items.map((item) => item.slug)).toEqual(['open-data-whats-next', 'open-data-whats-next-2'])
    expect(twice.items[1].warnings).toContain('slug "open-data-whats-next" already used by another item; using "open-data-whats-next-2"')
    expect(twice.items[1].unmappedLink?.reason).toMatch(/differs from the new slug/)
  })

  it('imports private and password-protected posts as drafts, with a warning', () => {
    const privatePlan = planImport([
      { ...items[0], status: 'private' },
      { ...items[1], password: 'secret' },
    ])
    expect(privatePlan.items.map((item) => item.state)).toEqual(['draft', 'draft'])
    expect(privatePlan.items[0].warnings).toContain('was private in WordPress; imported as a draft')
    expect(privatePlan.items[1].warnings).toContain('was password-protected in WordPress; imported as a draft')
  })

  it('skips trashed posts', () => {
    expect(planImport([{ ...items[0], status: 'trash' }]).skipped[0].reason).toBe('status "trash" is not imported')
  })
})

describe('asciiSlug', () => {
  it('builds on slugify and folds letters that have no decomposed form', () => {
    expect(asciiSlug('Croeso i Gymru: ŵ ŷ')).toBe('croeso-i-gymru-w-y')
    expect(asciiSlug('Łódź & Gdańsk')).toBe('lodz-gdansk')
    expect(asciiSlug('Straße, Ærø')).toBe('strasse-aero')
    // Other scripts are transliterated rather than dropped (a Greek title used to become "2").
    expect(asciiSlug('東京')).toBe('dongjing')
    expect(asciiSlug('Επίπεδο 2')).toBe('epipedo-2')
    expect(asciiSlug('Привет, мир')).toBe('privet-mir')
  })
})

describe('htmlToMdx: the body', () => {
  const plan = planImport(items)
  const openData = bodyOf(byTitle(plan, 'Open data').mdx)
  const maths = bodyOf(byTitle(plan, 'Maths').mdx)

  it('turns autop paragraphs, lists, headings, quotes and emphasis into markdown', () => {
    expect(openData).toContain(
      '\nCouncils hold a lot of data – most of it isn’t published. This post is about **changing that**, with help from *everyone*.\n\nHere’s what we heard',
    )
    expect(openData).toContain(
      '[camp](https://example.org/camp) & afterwards:\n\n- Publish by default\n- Secure when required\n\n## Why it matters\n\n> Data is infrastructure.\n',
    )
    expect(openData).toContain('Line one of an address\\\nLine two of an address\n')
    expect(bodyOf(byTitle(plan, 'Croeso').mdx)).toContain('1. First\n2. Second with [a link](https://example.org/?a=1\\&b=2)')
  })

  it('decodes entities and keeps typographic characters', () => {
    expect(openData).not.toMatch(/&#\d+;|&amp;/)
    expect(openData).toContain('data – most of it isn’t')
  })

  it('drops the more marker', () => {
    expect(openData).not.toMatch(/more-->|<!--/)
  })

  it('turns a caption shortcode into a Figure with caption, credit, src and alt', () => {
    expect(openData).toContain(
      '\n<Figure caption="LocalGovCamp – photo by #ashroplad" credit="https://www.flickr.com/photos/example/" src="https://old.example.org/wp-content/uploads/2014/03/camp.jpg" alt="People at tables with laptops" />\n',
    )
    expect(openData).not.toContain('[caption')
    expect(byTitle(plan, 'Open data').warnings).toEqual([
      'YouTube video embed https://www.youtube.com/watch?v=dQw4w9WgXcQ shown as a link (the embedded player or card is not imported) (2 times)',
      '1 image(s) still load from the old site: https://old.example.org/wp-content/uploads/2014/03/camp.jpg',
    ])
  })

  it('uses the caption attribute of the older shortcode form, and an expression for quotes', () => {
    const { mdx } = htmlToMdx('[caption caption="Say &quot;hi&quot;"]<img src="/a.png" alt="A" />[/caption]')
    expect(mdx).toBe('<Figure caption={"Say \\"hi\\""} src="/a.png" alt="A" />\n')
  })

  it('turns YouTube URLs, [embed] and iframes into links that name what they lead to', () => {
    expect(openData.match(/\[YouTube video\]\(https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ\)/g)).toHaveLength(2)
    expect(openData).not.toContain('iframe')
    expect(bodyOf(byTitle(plan, 'Croeso').mdx)).toContain('[YouTube video](https://www.youtube.com/watch?v=abc123XYZ_-)')
  })

  it('escapes text MDX would read as JSX or expressions', () => {
    expect(maths).toContain('Templates use \\{curly\\} braces and \\{\\{ double \\}\\} ones; a lone \\} too.')
    expect(maths).toContain('If a \\< b then b > a, and I \\<3 arrow functions: x => y.')
    expect(maths).toContain('\n\\> not a quote, just a chevron\n')
    expect(maths).toContain('Some \\*stars\\* and \\_underscores\\_ and a \\[bracket] or two, plus AT\\&T.')
    expect(maths).toContain('```\nconst f = (x) => { return x < 3 }\n```')
  })

  it("draws a [gallery] from the export's attachments, naming the images it cannot find", () => {
    // The attachment has no alt text and its title is its file name: the marker says so.
    expect(maths).toContain('\n![Text alternative missing](https://old.example.org/wp-content/uploads/2014/03/camp.jpg)\n')
    expect(maths).not.toContain('gallery')
    expect(byTitle(plan, 'Maths').warnings).toContain('[gallery]: 2 image(s) are not in the export and were dropped')
    expect(byTitle(plan, 'Croeso').warnings).toContain(
      'YouTube video embed https://www.youtube.com/watch?v=abc123XYZ_- shown as a link (the embedded player or card is not imported)',
    )
  })

  it('keeps other shortcodes as readable text, with a warning naming them', () => {
    const { mdx, warnings } = htmlToMdx('Sign up: [contact-form-7 id="12" title="Newsletter"]')
    expect(mdx).toBe('Sign up: \\[contact-form-7 id="12" title="Newsletter"]\n')
    expect(warnings).toEqual(['[contact-form-7] shortcode kept as text; its output is not imported'])
  })

  it('does not mistake bracketed prose for a shortcode', () => {
    expect(htmlToMdx('He said [sic] it.').warnings).toEqual([])
  })
})

describe('planImport: pages', () => {
  const plan = planImport(items)
  const page = (url: string) => plan.items.find((item) => item.kind === 'page' && item.url === url)!

  it('writes a page with the page frontmatter only: title, summary and draft', () => {
    expect(frontmatterOf(page('/about').mdx)).toBe(['title: "About"', 'summary: "This blog is about digital public services."'].join('\n'))
    expect(frontmatterOf(page('/contact').mdx)).toBe(['title: "Contact"', 'summary: "Email the editor at editor@example.org."'].join('\n'))
    expect(bodyOf(page('/contact').mdx)).toContain('[editor@example.org](mailto:editor@example.org)')
    expect(page('/about')).toMatchObject({ date: undefined, tags: {} })
  })

  it('keeps a child page (wp:post_parent) under its parent, so /about/team/ still works', () => {
    expect(page('/about/team').path).toBe('content/pages/about/team.mdx')
  })

  it('reaches every published page from its old address with at most one redirect (the trailing slash)', () => {
    // The site answers `/about/` with one permanent redirect to `/about` (the e2e suite checks it), so the old path must be the new one plus a slash.
    for (const url of ['/about', '/contact', '/about/team']) {
      const converted = page(url)
      expect(converted.unmappedLink).toBeUndefined()
      expect(new URL(items.find((item) => item.id === converted.id)!.link).pathname).toBe(`${url}/`)
    }
  })

  it('renames a page whose slug is a route of this site, and reports it and its old address', () => {
    const search = byTitle(plan, 'Search tips')
    expect(search).toMatchObject({ slug: 'search-page', path: 'content/pages/search-page.mdx', url: '/search-page' })
    expect(search.warnings).toContain('"search" is an address this site already serves (/search); using "search-page"')
    expect(search.unmappedLink).toEqual({
      link: 'https://old.example.org/search/',
      reason: "/search is this site's own address; the page is now /search-page",
    })
  })

  it('imports a draft page as a draft with a slug from its title, and does not check its old link', () => {
    const privacy = byTitle(plan, 'Privacy notice')
    expect(privacy).toMatchObject({ slug: 'privacy-notice', state: 'draft', unmappedLink: undefined })
    expect(frontmatterOf(privacy.mdx)).toContain('\ndraft: true')
  })

  it('reports a published page whose old address is a query, and imports a scheduled page as a draft', () => {
    const contact = items.find((item) => item.title === 'Contact')!
    const plain = planImport([{ ...contact, link: 'https://old.example.org/?page_id=3' }]).items[0]
    expect(plain.unmappedLink?.reason).toBe('old address /?page_id=3 is not a path this site can serve; the page is now /contact')
    const scheduled = planImport([{ ...contact, status: 'future' }]).items[0]
    expect(scheduled.state).toBe('draft')
    expect(scheduled.warnings).toContain('was scheduled in WordPress; pages have no schedule, so it is imported as a draft')
  })

  it('reports a child page whose parent is missing, and numbers a second page wanting the same path', () => {
    const team = items.find((item) => item.title === 'The team')!
    const orphan = planImport([team]).items[0]
    expect(orphan.url).toBe('/team')
    expect(orphan.warnings).toContain("parent page 2 is not in the export, so the page's path starts below it")
    expect(orphan.unmappedLink?.reason).toBe('old address /about/team/ differs from /team')
    const about = items.find((item) => item.title === 'About')!
    const twice = planImport([about, team, { ...team, id: '44' }])
    expect(twice.items.map((item) => [item.path, item.url])).toEqual([
      ['content/pages/about.mdx', '/about'],
      ['content/pages/about/team.mdx', '/about/team'],
      ['content/pages/about/team-2.mdx', '/about/team-2'],
    ])
  })
})

describe('the import:wordpress command', () => {
  let dir: string
  beforeEach(() => {
    dir = tempDir('wp-cli-')
  })
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('writes nothing on --dry-run and prints the summary', () => {
    const run = runCli([EXPORT, '--dry-run'], dir)
    expect(run.status).toBe(0)
    expect(fs.existsSync(path.join(dir, 'content'))).toBe(false)
    expect(run.stdout).toContain('Would import 10 (dry run: nothing written) (5 posts, 5 pages):')
    expect(run.stdout).toContain('content/posts/w-croeso.mdx  "Croeso i Gymru: ŵ ŷ and the future" [scheduled 2031-01-15T09:00:00Z]')
    expect(run.stdout).toContain('Skipped 3:')
    expect(run.stdout).toContain('content/pages/about/team.mdx  "The team"')
    expect(run.stdout).toContain('content/pages/privacy-notice.mdx  "Privacy notice" [draft]')
    expect(run.stdout).toContain(
      '  "Maths & markup: {curly} things" (content/posts/maths-and-markup.mdx):\n    - [gallery]: 2 image(s) are not in the export',
    )
    expect(run.stdout).toMatch(/Old links: \d+ redirects in content\/redirects\/wordpress\.json \(dry-run\)/)
    expect(run.stdout).toContain('Old links with no home 0:')
    expect(run.stdout).toContain('Comments 0 approved')
    expect(run.stdout).toContain('  open-data ← "Open Data", "open data"')
  })

  it('writes files, then skips existing ones unless --force', () => {
    expect(runCli([EXPORT, '--out', 'posts'], dir).status).toBe(0)
    const file = path.join(dir, 'posts/maths-and-markup.mdx')
    expect(fs.readFileSync(file, 'utf8')).toContain('title: "Maths & markup: {curly} things"')

    fs.writeFileSync(file, 'edited by hand\n')
    const again = runCli([EXPORT, '--out', 'posts'], dir)
    expect(again.stdout).toContain('Imported 0:')
    expect(again.stdout).toContain('"Maths & markup: {curly} things": posts/maths-and-markup.mdx already exists (use --force to overwrite)')
    expect(fs.readFileSync(file, 'utf8')).toBe('edited by hand\n')

    expect(runCli([EXPORT, '--out=posts', '--force'], dir).stdout).toContain('Imported 10 (5 posts, 5 pages):')
    expect(fs.readFileSync(file, 'utf8')).toContain('title: "Maths & markup: {curly} things"')
  })

  it('writes pages beside the posts, to --pages-out, or not at all with --no-pages', () => {
    runCli([EXPORT, '--out', 'site/posts'], dir)
    expect(fs.readdirSync(path.join(dir, 'site/pages')).sort()).toEqual([
      'about',
      'about.mdx',
      'contact.mdx',
      'privacy-notice.mdx',
      'search-page.mdx',
    ])
    expect(fs.readdirSync(path.join(dir, 'site/pages/about'))).toEqual(['team.mdx'])
    runCli([EXPORT, '--out', 'other/posts', '--pages-out', 'other/static-pages'], dir)
    expect(fs.existsSync(path.join(dir, 'other/static-pages/about/team.mdx'))).toBe(true)
    const none = runCli([EXPORT, '--out', 'third/posts', '--no-pages'], dir)
    expect(none.stdout).toContain('"About" (page): page (--no-pages)')
    expect(fs.existsSync(path.join(dir, 'third/pages'))).toBe(false)
    expect(runCli([EXPORT, '--no-pages', '--pages-out', 'x'], dir).status).toBe(2)
  })

  it('fails with exit code 1 and the line number on malformed XML', () => {
    const run = runCli([MALFORMED], dir)
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('Malformed XML at line 8, column 2')
  })

  it('fails with exit code 2 on unknown options or a missing file', () => {
    const unknown = runCli([EXPORT, '--overwrite'], dir)
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toContain('Unknown option: --overwrite')
    const missing = runCli([path.join(dir, 'nope.xml')], dir)
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('Export file not found')
    expect(runCli([], dir).stderr).toContain('Missing the export file')
    expect(runCli([EXPORT, '--out'], dir).status).toBe(2)
  })
})

describe('imported posts build with Contentlayer', () => {
  let dir: string
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('builds every imported post and page with the right title, draft flag and date', () => {
    let author = ''
    const build = buildContent((content) => {
      author = fs.readdirSync(path.join(content, 'authors'))[0].replace(/\.mdx$/, '')
      const imported = runCli([EXPORT, '--out', path.join(content, 'posts'), '--author', author], content)
      expect(imported.status).toBe(0)
      // The gallery's picture has no alt text in WordPress; the build refuses that (docs/images.md), and the
      // report says so. Write it, as the report asks an author to, before building.
      expect(imported.stdout).toContain(
        'image https://old.example.org/wp-content/uploads/2014/03/camp.jpg had no text alternative in WordPress: marked "Text alternative missing"',
      )
    })
    dir = build.dir
    expect({ status: build.status, output: build.output }).toEqual({ status: 0, output: expect.stringContaining('Generated') })

    type Generated = { title: string; slug: string; draft: boolean; date: string; tags: string[]; author?: string; body: { raw: string } }
    const posts = generatedPosts<Generated>(build)
    const bySlug = Object.fromEntries(posts.map((post) => [post.slug, post]))
    expect(Object.keys(bySlug).sort()).toEqual(['draft-notes-from-lodz', 'maths-and-markup', 'open-data-whats-next', 'pending-review', 'w-croeso'])
    expect(bySlug['open-data-whats-next']).toMatchObject({
      title: 'Open data – what’s next for councils?',
      draft: false,
      date: '2014-03-24T10:15:00.000Z',
      tags: ['open-data', 'localgov'],
      author,
    })
    expect(bySlug['maths-and-markup']).toMatchObject({ title: 'Maths & markup: {curly} things', draft: false, date: '2014-04-02T08:30:00.000Z' })
    expect(bySlug['draft-notes-from-lodz']).toMatchObject({ title: 'Draft: notes from Łódź', draft: true, date: '2014-05-01T14:00:00.000Z' })
    expect(bySlug['pending-review']).toMatchObject({ title: 'Pending review', draft: true, date: '2014-05-03T10:20:00.000Z' })
    expect(bySlug['w-croeso']).toMatchObject({ title: 'Croeso i Gymru: ŵ ŷ and the future', draft: false, date: '2031-01-15T09:00:00.000Z' })
    expect(bySlug['maths-and-markup'].body.raw).toContain('\\{curly\\}')

    type GeneratedPage = { title: string; slug: string; draft: boolean }
    const pages = generatedDocuments<GeneratedPage>(build, 'Page').map(({ slug, title, draft }) => ({ slug, title, draft }))
    expect(pages.sort((a, b) => a.slug.localeCompare(b.slug))).toEqual([
      { slug: 'about', title: 'About', draft: false },
      { slug: 'about/team', title: 'The team', draft: false },
      { slug: 'contact', title: 'Contact', draft: false },
      { slug: 'privacy-notice', title: 'Privacy notice', draft: true },
      { slug: 'search-page', title: 'Search tips', draft: false },
    ])
  }, 120_000)
})
