import fs from 'node:fs'
import path from 'node:path'
import { buildContent, reportFor, type ContentBuild } from './contentlayer-build'

const good = (extra = '') => `---\ntitle: "Fine"\ndate: 2014-01-01\nsummary: "A fine post."\n${extra}---\n\nBody.\n`

describe('invalid content fails the build, naming the file and the field', () => {
  let build: ContentBuild
  beforeAll(() => {
    build = buildContent((content) => {
      const posts = path.join(content, 'posts')
      fs.writeFileSync(path.join(posts, 'fine-post.mdx'), good())
      fs.writeFileSync(path.join(posts, 'no-summary.mdx'), '---\ntitle: "No summary"\ndate: 2014-01-01\n---\n\nBody.\n')
      fs.writeFileSync(path.join(posts, 'bad-date.mdx'), '---\ntitle: "Bad date"\ndate: "next tuesday"\nsummary: "x"\n---\n\nBody.\n')
      fs.writeFileSync(path.join(posts, 'Bad_Name.mdx'), good())
      fs.writeFileSync(path.join(posts, 'empty-title.mdx'), good().replace('"Fine"', '"  "'))
      fs.writeFileSync(path.join(posts, 'unknown-field.mdx'), good('colour: blue\n'))
      fs.writeFileSync(path.join(posts, 'early-update.mdx'), good('updated: 2013-01-01\n'))
    })
  }, 120_000)
  afterAll(() => fs.rmSync(build.dir, { recursive: true, force: true }))

  test('the build exits non-zero', () => {
    expect(build.status).not.toBe(0)
  })
  test.each([
    ['no-summary.mdx', 'summary'],
    ['bad-date.mdx', 'date'],
    ['Bad_Name.mdx', 'slug (file name)'],
    ['empty-title.mdx', 'title'],
    ['unknown-field.mdx', 'colour'],
    ['early-update.mdx', 'updated'],
  ])('%s is reported with its field %s', (file, field) => {
    expect(reportFor(build.output, `posts/${file}`)).toContain(field)
  })
  test('a valid post is not reported', () => {
    expect(build.output).not.toContain('fine-post.mdx')
  })
})
