import fs from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { buildContent, type ContentBuild } from './contentlayer-build'

describe('with CONTENT_DIR outside the working directory', () => {
  let build: ContentBuild
  let site: string
  beforeAll(() => {
    site = path.join(fs.mkdtempSync(path.join(tmpdir(), 'sandbank-site-')), 'site')
    build = buildContent(
      (content) =>
        fs.writeFileSync(path.join(content, 'posts', 'empty-title.mdx'), '---\ntitle: "  "\ndate: 2014-01-01\nsummary: "A summary."\n---\n\nBody.\n'),
      { contentDir: site },
    )
  }, 120_000)
  afterAll(() => {
    fs.rmSync(build.dir, { recursive: true, force: true })
    fs.rmSync(path.dirname(site), { recursive: true, force: true })
  })

  test('a build error names the file where it is, not under content/', () => {
    expect(build.status).not.toBe(0)
    expect(build.output).toContain(`Invalid content in ${path.join(site, 'posts/empty-title.mdx')}: field "title" must not be empty`)
    expect(build.output).not.toContain('content/posts/empty-title.mdx')
  })
})
