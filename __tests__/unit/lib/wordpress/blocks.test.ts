import fs from 'node:fs'
import path from 'node:path'
import { htmlToMdx, parseWxr, planImport, sanitizeCommentHtml, tagSlug, type ConvertedItem, type MediaResolver } from '@/lib/wordpress'
import { ROOT } from '@/scripts/lib/process'
import { checkBodies, compileProblems } from './compile-mdx'

const FIXTURES = path.join(ROOT, '__tests__/fixtures/wordpress')
const blocksPlan = planImport(parseWxr(fs.readFileSync(path.join(FIXTURES, 'blocks.xml'), 'utf8')), { pagesDir: 'pages' })
const classicPlan = planImport(parseWxr(fs.readFileSync(path.join(FIXTURES, 'classic.xml'), 'utf8')))

function item(plan: { items: ConvertedItem[] }, slug: string): ConvertedItem {
  const found = plan.items.find((entry) => entry.slug === slug)
  if (!found) throw new Error(`no item ${slug} in ${plan.items.map((entry) => entry.slug).join(', ')}`)
  return found
}

function bodyOf(mdx: string): string {
  return mdx.replace(/^---\n[\s\S]*?\n---\n\n?/, '')
}

/** One block as the block editor saves it. */
function block(name: string, html: string, attributes?: object): string {
  return `<!-- wp:${name}${attributes ? ` ${JSON.stringify(attributes)}` : ''} -->\n${html}\n<!-- /wp:${name} -->`
}

const everyBlock = item(blocksPlan, 'every-block')
const every = bodyOf(everyBlock.mdx)

describe('block-editor posts: each block by its type', () => {
  it('paragraphs and headings, with <sup> and <sub> kept', () => {
    expect(every).toMatch(
      /^The first paragraph says what this post is for: every block, once\. Einstein wrote E = mc<sup>2<\/sup> and water is H<sub>2<\/sub>O\.\n\n## Lists and quotes\n/,
    )
  })

  it('lists, nested through list-item blocks', () => {
    expect(every).toContain('- Publish by default\n  - even the budget\n- Secure when required\n')
  })

  it('quotes and pullquotes keep their citation as a last line', () => {
    expect(every).toContain('> Data is infrastructure.\n>\n> — A council officer\n')
    expect(every).toContain('> Open by default.\n>\n> — The manifesto\n')
  })

  it('code keeps every character and its language; preformatted keeps its columns', () => {
    expect(every).toContain('```jsx\nfunction App() {\n  return <Map items={[1, 2]} /> // a && b\n}\n```')
    expect(every).toContain('```\nName      Ward\nSarah     Harbour\nTom       Hill\n```')
  })

  it('verse keeps its lines and indentation as prose', () => {
    expect(every).toContain('The tide goes out,\\\n\u00a0\u00a0the gulls come in.\n')
  })

  it('a table with a header row becomes GFM with its caption after it; one without stays a table', () => {
    expect(every).toContain('| Ward    | Turnout |\n| ------- | ------- |\n| Harbour | 41%     |\n| Hill    | 38%     |\n\nTurnout by ward\n')
    expect(every).toContain(
      '<table><tbody><tr><td>{"Opening times"}</td><td>{"Mon–Fri"}<br />{"Sat mornings"}</td></tr><tr><td>{"Where"}</td><td>{"Town hall"}</td></tr></tbody></table>',
    )
  })

  it('an image gets a Figure only when it had a caption, and a link in the caption keeps its text', () => {
    expect(every).toContain(
      '<Figure caption="The harbour at dawn, by Jo" credit="https://example.org/photographer" src="https://old.example.org/wp-content/uploads/2024/05/harbour.jpg" alt="Boats in the harbour at dawn" />',
    )
    expect(every).toContain('\n![Map of the wards](https://old.example.org/wp-content/uploads/2024/05/map.png)\n')
    expect(every).not.toMatch(/caption="(Image|Map of the wards)"/)
  })

  it('a gallery becomes one figure or image per picture, then its own caption', () => {
    expect(every).toContain(
      '<Figure caption="The first stall" src="https://old.example.org/wp-content/uploads/2024/05/one.jpg" alt="First stall" />\n\n' +
        '![Second stall](https://old.example.org/wp-content/uploads/2024/05/two.jpg)\n\n' +
        '<Figure caption="The third stall" src="https://old.example.org/wp-content/uploads/2024/05/three.jpg" alt="Third stall" />\n\nMarket day\n',
    )
  })

  it('a separator is a thematic break', () => {
    expect(every).toContain('\nMarket day\n\n---\n\n[YouTube video')
  })

  it('embeds are links that say what they lead to, with the URL decoded once', () => {
    expect(every).toContain('[YouTube video: The council meeting](https://www.youtube.com/watch?v=abc123\\&t=10)')
    expect(every).toContain('[Twitter post](https://twitter.com/example/status/1)')
    expect(every).not.toContain('&amp;')
    expect(everyBlock.warnings).toContain(
      'YouTube video embed https://www.youtube.com/watch?v=abc123&t=10 shown as a link (the embedded player or card is not imported)',
    )
  })

  it('audio, video and files not brought home are links to the file, named in the report', () => {
    expect(every).toContain('[Audio: Episode 1](https://old.example.org/wp-content/uploads/2024/05/podcast.mp3)')
    expect(every).toContain('[Video: tour.mp4](https://old.example.org/wp-content/uploads/2024/05/tour.mp4)')
    expect(every).toContain('[Budget 2024](https://old.example.org/wp-content/uploads/2024/05/budget.pdf)')
    expect(everyBlock.warnings).toEqual(
      expect.arrayContaining([
        'audio https://old.example.org/wp-content/uploads/2024/05/podcast.mp3 still loads from the old site',
        'video https://old.example.org/wp-content/uploads/2024/05/tour.mp4 still loads from the old site',
      ]),
    )
  })

  it('audio and video brought home play in the native players', () => {
    const local: MediaResolver = (url) => ({ src: `/media/${url.split('/').pop()}`, local: true })
    const { mdx } = htmlToMdx(
      block(
        'audio',
        '<figure class="wp-block-audio"><audio controls src="https://old.example.org/a.mp3"></audio><figcaption>Episode 1</figcaption></figure>',
      ) + block('video', '<figure class="wp-block-video"><video controls src="https://old.example.org/v.mp4"></video></figure>'),
      { media: local },
    )
    expect(mdx).toContain(
      '<figure><audio controls preload="metadata" src="/media/a.mp3">{"Your browser cannot play this audio."}</audio><figcaption>{"Episode 1"}</figcaption></figure>',
    )
    expect(mdx).toContain('<figure><video controls preload="metadata" src="/media/v.mp4">{"Your browser cannot play this video."}</video></figure>')
  })

  it('a local media resolver replaces image addresses in figures and images', () => {
    const local: MediaResolver = (url) => ({ src: `./${url.split('/').pop()}`, local: true })
    const { mdx } = htmlToMdx(
      block('image', '<figure class="wp-block-image"><img src="https://old.example.org/a.jpg" alt="A"/><figcaption>Cap</figcaption></figure>') +
        block('image', '<figure class="wp-block-image"><img src="https://old.example.org/b.jpg" alt="B"/></figure>'),
      { media: local },
    )
    expect(mdx).toBe('<Figure caption="Cap" src="./a.jpg" alt="A" />\n\n![B](./b.jpg)\n')
  })

  it('buttons become links; columns, groups, covers and media-text are flattened to their content', () => {
    expect(every).toContain(
      '[Have your say](https://example.org/consultation)\n\nLeft column text.\n\nRight column, inside a group.\n\nText on the cover\n\n',
    )
    expect(every).toContain('![The town hall](https://old.example.org/wp-content/uploads/2024/05/hall.jpg)\n\nBeside the picture of the town hall.\n')
    expect(everyBlock.warnings).toContain(
      'wp:cover: background image https://old.example.org/wp-content/uploads/2024/05/sea.jpg dropped; its text is kept',
    )
  })

  it('an unknown block keeps its text with a warning naming it; a dynamic block is named as dropped', () => {
    expect(every).toContain('\nRoadworks on the harbour road until June.\n')
    expect(everyBlock.warnings).toContain('wp:acme/notice is not a block the importer knows; its content is kept as text')
    expect(everyBlock.warnings).toContain('wp:latest-posts dropped: WordPress generated its output when the page was shown; the export holds none')
  })

  it('a reusable block is drawn from its wp_block item', () => {
    expect(every).toMatch(/\nSign up to the newsletter at the library desk\.\n$/)
    const { warnings } = htmlToMdx('<!-- wp:block {"ref":9} /-->')
    expect(warnings).toEqual(['reusable block #9 is not in the export; dropped'])
  })

  it('spacers and the more marker leave nothing, and no comment survives', () => {
    expect(every).not.toMatch(/<!--|wp:|\[CDATA\[/)
    expect(every).not.toContain('height')
  })

  it('the featured image becomes the image field', () => {
    expect(everyBlock.mdx).toContain('\nimage: "https://old.example.org/wp-content/uploads/2024/05/harbour.jpg"\n')
    const missing = planImport([{ ...parseWxr(fs.readFileSync(path.join(FIXTURES, 'blocks.xml'), 'utf8'))[2], meta: { _thumbnail_id: '77' } }])
    expect(missing.items[0].warnings).toContain('featured image (attachment #77) is not in the export; no image set')
  })
})

describe('titles, slugs and tags', () => {
  it('a title loses its literal markup and keeps its characters', () => {
    expect(item(blocksPlan, 'title-with-markup').title).toBe('Title With Markup & an ampersand')
    expect(item(blocksPlan, 'title-with-markup').mdx).toContain('title: "Title With Markup & an ampersand"')
  })

  it('slugs from Greek and Cyrillic titles are transliterated, not reduced to a number', () => {
    expect(item(blocksPlan, 'epipedo-2').title).toBe('Επίπεδο 2')
    expect(item(blocksPlan, 'privet-mir').state).toBe('draft')
  })

  it("tags keep their script and WordPress's own slug, as the site serves them", () => {
    expect(everyBlock.tags).toEqual({ 'open-data': ['Open Data'], 远征手记: ['远征手记'] })
    expect(everyBlock.mdx).toContain('tags: [open-data, "远征手记"]')
    expect(item(blocksPlan, 'epipedo-2').tags).toEqual({ ελληνικά: ['Ελληνικά'] })
    expect(item(blocksPlan, 'privet-mir').tags).toEqual({ кириллица: ['Кириллица'] })
  })

  it('a tag with invisible bidi or zero-width characters gets the slug of its visible letters', () => {
    expect(tagSlug('uncat\u202eegorized\u202c')).toBe('uncategorized')
    expect(tagSlug('Łódź\u200b 远征')).toBe('lodz-远征')
  })

  it('a page is written to the pages folder at its own address, which its old address reaches', () => {
    const page = item(blocksPlan, 'contact')
    expect(page.path).toBe('pages/contact.mdx')
    expect(page.url).toBe('/contact')
    expect(page.unmappedLink).toBeUndefined()
  })

  it('a target given for a kind replaces the folder-and-address rules, and a target with no address is reported', () => {
    const plan = planImport(parseWxr(fs.readFileSync(path.join(FIXTURES, 'blocks.xml'), 'utf8')), {
      targets: { page: { dir: 'elsewhere', url: () => undefined } },
    })
    const page = item(plan, 'contact')
    expect(page.path).toBe('elsewhere/contact.mdx')
    expect(page.unmappedLink).toEqual({
      link: 'https://old.example.org/contact/',
      reason: 'the site has no address for pages yet; the file is written to elsewhere',
    })
  })
})

describe('comments', () => {
  it('keeps approved comments oldest first in the shared model, with replies and pingbacks, no email or IP, and sanitized HTML', () => {
    expect(everyBlock.commentsLeftOut).toBe(2)
    expect(everyBlock.comments).toEqual([
      {
        id: 'wp-11',
        name: 'Ann Reader',
        url: 'https://ann.example.org/',
        date: '2024-05-03T11:00:00Z',
        html: '<p>Thanks for this.<br />\nWhere is the data?</p>',
        kind: 'comment',
      },
      {
        id: 'wp-12',
        parent: 'wp-11',
        name: 'Sarah',
        date: '2024-05-03T12:00:00Z',
        html: '<p>On the <a href="https://data.example.org">data portal</a>.</p>',
        kind: 'comment',
      },
      {
        id: 'wp-15',
        name: 'Another blog',
        url: 'https://blog.example.net/post',
        date: '2024-05-05T09:00:00Z',
        html: expect.stringMatching(/^<p>\[…\] as Sandpiper/),
        kind: 'pingback',
      },
    ])
    expect(JSON.stringify(everyBlock.comments)).not.toMatch(/@|192\.0\.2/)
  })

  it('sanitizes comment HTML to text formatting, quotes, lists and http(s)/mailto links', () => {
    expect(
      sanitizeCommentHtml(
        '<p onclick="x()">Hi <script>alert(1)</script><a href="javascript:alert(1)">x</a> <a href="https://e.org" rel="x">y</a> <a href="#comment-2">z</a><img src="a.png"></p>',
      ),
    ).toBe('<p>Hi <a>x</a> <a href="https://e.org">y</a> <a>z</a></p>')
  })
})

describe('classic posts: code from plugins, shortcodes and debris', () => {
  const hydrating = item(classicPlan, 'hydrating-react')
  const classic = bodyOf(hydrating.mdx)

  it('<pre lang> keeps JSX and comparisons byte for byte', () => {
    expect(classic).toContain(
      "```javascript\nimport { App } from './App'\n\nReactDOM.hydrate(<App/>, document.getElementById('root'))\nif (a < b && c > d) { render() }\n```",
    )
  })

  it('[code lang] keeps indentation, tabs and braces; [sourcecode] saved escaped is decoded once', () => {
    expect(classic).toContain(
      "```js\nfunction greet(name) {\n    if (!name) {\n        return `<p>Hello, ${'{'}stranger}</p>`\n    }\n\treturn name\n}\n```",
    )
    expect(classic).toContain('```php\n<?php echo $a && $b; ?>\n```')
  })

  it('a <br /> followed by a newline is one line break, as wpautop made it', () => {
    expect(classic).toMatch(/^Hydration attaches React to HTML the server already sent\.\\\nIt keeps the markup\.\n/)
  })

  it('a caption with a link keeps the link text and credits the link', () => {
    expect(classic).toContain(
      '<Figure caption="Diagram from the React docs" credit="https://react.dev/" src="https://dev.example.org/wp-content/uploads/diagram.png" alt="Diagram of hydration" />',
    )
  })

  it('a URL alone on a line is an embed link when WordPress embedded it, else a plain link, with & decoded once', () => {
    expect(classic).toContain('Watch the talk:\n\n[YouTube video](https://www.youtube.com/watch?v=abc123\\&t=10)\n')
    expect(htmlToMdx('See:\nhttps://example.org/report?a=1&amp;b=2\n').mdx).toBe(
      'See:\\\n[https://example.org/report?a=1\\&b=2](https://example.org/report?a=1\\&b=2)\n',
    )
  })

  it('comments, CDATA debris, scripts and an unresolvable [gallery] are dropped and named', () => {
    expect(classic).not.toMatch(/<!--|\[CDATA\[|\[gallery|<script|alert/)
    expect(classic).toContain('Old CDATA debris: after it.')
    expect(hydrating.warnings).toEqual([
      '[gallery] dropped: none of its 1 image(s) are in the export',
      'HTML comment dropped (readers never saw it)',
      'YouTube video embed https://www.youtube.com/watch?v=abc123&t=10 shown as a link (the embedded player or card is not imported)',
      'text in a <![CDATA[ … ]]> section dropped (browsers did not show it)',
      'audio https://dev.example.org/wp-content/uploads/talk.mp3 still loads from the old site',
      'script dropped',
      '1 image(s) still load from the old site: https://dev.example.org/wp-content/uploads/diagram.png',
    ])
  })

  it('the summary has no shortcode, escape or entity debris', () => {
    // Paragraphs that end in a colon introduce code or embeds the summary cannot show.
    expect(hydrating.mdx).toContain(
      'summary: "Hydration attaches React to HTML the server already sent. It keeps the markup. Water is H2O and energy is mc2. Old CDATA debris: after it."',
    )
    const debris = planImport([
      {
        ...parseWxr(fs.readFileSync(path.join(FIXTURES, 'classic.xml'), 'utf8'))[0],
        content: '[gallery]\n\n First line \\\\ with a  \\\\ stray<br />\nsecond &#x20;line.',
      },
    ])
    expect(debris.items[0].mdx).toContain('summary: "First line with a stray second line."')
  })
})

describe('everything the importer writes compiles as MDX', () => {
  it('compiles every imported body from the hand-written fixtures', () => {
    const bodies = [...blocksPlan.items, ...classicPlan.items].map((entry) => bodyOf(entry.mdx))
    expect(compileProblems(bodies)).toEqual(bodies.map(() => null))
  }, 60_000)

  it('a piece that would not compile is replaced by its text and named, instead of breaking the build', () => {
    const [checked] = checkBodies(['Before.\n\n<Figure caption= />\n\nAfter {"x"}.\n'])
    expect(checked.problem).toBeUndefined()
    expect(checked.body).toBe('Before.\n\n\n\nAfter {"x"}.\n')
    expect(checked.warnings).toEqual([expect.stringMatching(/^the html at line 3 of the body is not valid MDX \(.*\); dropped$/)])
  }, 60_000)
})
