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
      fs.writeFileSync(path.join(posts, 'bad-lang.mdx'), good('lang: "Welsh please"\n'))
      fs.writeFileSync(path.join(posts, 'blank-translation-key.mdx'), good('translationKey: "  "\n'))
      fs.writeFileSync(path.join(posts, 'fine-welsh-post.mdx'), good('lang: cy\ntranslationKey: fine\n'))
      fs.mkdirSync(path.join(content, 'pages'))
      fs.writeFileSync(path.join(content, 'pages', 'bad-lang-page.mdx'), '---\ntitle: "P"\nsummary: "S"\nlang: "fa_IR!"\n---\n\nBody.\n')
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
  test.each([
    ['posts/bad-lang.mdx', 'field "lang" is not a BCP 47 language tag'],
    ['pages/bad-lang-page.mdx', 'field "lang" is not a BCP 47 language tag'],
    ['posts/blank-translation-key.mdx', 'field "translationKey" must not be empty'],
  ])('%s is reported: %s', (file, message) => {
    expect(reportFor(build.output, file)).toContain(message)
  })
  test('a valid post is not reported', () => {
    expect(build.output).not.toContain('fine-post.mdx')
    expect(build.output).not.toContain('fine-welsh-post.mdx')
  })
})
