/**
 * Real exports, imported as a new user would (`npm run import:wordpress -- export.xml`, no
 * options) and built with the real Contentlayer: every file in ../shared/wordpress-exports
 * (in CI too) and in wordpress-corpus/ when that git-ignored folder is there. For each: the
 * build succeeds, every published post and page is reached from its old <link> in one hop
 * through the redirects proxy.ts serves, bylines match dc:creator, approved comments are
 * carried into the store, and no picture is on a host the CSP forbids. A feed is refused.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { findContentRedirect, type ContentRedirects } from '@/lib/redirects'
import { findImageReferences } from '@/lib/images/build'
import { RESERVED_TOP_LEVEL_SEGMENTS } from '@/lib/routes'
import { decodeEntities, displayNameOf, htmlToText, parseWxrExport, readExport, WxrParseError, type WxrExport } from '@/lib/wordpress'
import { ROOT } from '@/scripts/lib/process'
import { buildContent, builtStoreDir } from '../../contentlayer-build'

const TSX = path.join(ROOT, 'node_modules/.bin/tsx')
const CLI = path.join(ROOT, 'scripts/import-wordpress.ts')
const FOLDERS = [path.join(ROOT, '..', 'shared', 'wordpress-exports'), path.join(ROOT, 'wordpress-corpus')]
const EXPORTS = FOLDERS.filter((folder) => fs.existsSync(folder)).flatMap((folder) =>
  fs
    .readdirSync(folder)
    .filter((name) => /\.(xml|zip|gz)$/i.test(name))
    .sort()
    .map((name) => path.join(folder, name)),
)

function exportOf(file: string): WxrExport | undefined {
  try {
    const parts = readExport(fs.readFileSync(file), file).map((document) => parseWxrExport(document.xml))
    return {
      site: parts[0].site,
      authors: parts.flatMap((part) => part.authors),
      categories: parts.flatMap((part) => part.categories),
      items: parts.flatMap((part) => part.items),
    }
  } catch (error) {
    if (error instanceof WxrParseError) return undefined
    throw error
  }
}

function filesBelow(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? filesBelow(full) : [full]
  })
}

/** What these checks read of the content store's index (lib/content/types.ts). */
type StoreIndex = {
  posts: { slug: string; title: string; draft?: boolean; author?: string; commentCount?: number }[]
  pages: { slug: string; draft?: boolean; commentCount?: number }[]
  authors: { id: string; name: string }[]
  redirects: ContentRedirects
  imageHosts: string[]
}

const servedHere = (pathname: string) => RESERVED_TOP_LEVEL_SEGMENTS.includes(pathname.split('/')[1] ?? '')

// A copy of the project with no exports beside it (the README's docs test runs one) has nothing to run: said and skipped.
if (EXPORTS.length === 0) test.skip('no WordPress exports beside the project (../shared/wordpress-exports)', () => undefined)

if (EXPORTS.length > 0)
  describe.each(EXPORTS.map((file) => [path.relative(path.join(ROOT, '..'), file), file]))('%s', (_name, file) => {
    const wxr = exportOf(file)

    if (!wxr) {
      it('is refused: it is not a WordPress export', () => {
        const run = spawnSync(TSX, [CLI, file, '--out', path.join(fs.mkdtempSync(path.join(tmpdir(), 'sandbank-corpus-')), 'posts')], {
          encoding: 'utf8',
        })
        expect(run.status).toBe(1)
        expect(run.stderr).toMatch(/not a WordPress export/i)
      })
      return
    }

    let build: ReturnType<typeof buildContent>
    let report = ''
    let index: StoreIndex
    beforeAll(() => {
      build = buildContent((content) => {
        const run = spawnSync(TSX, [CLI, file, '--out', path.join(content, 'posts')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
        report = `${run.stdout}\n${run.stderr}`
        expect(run.status).toBe(0)
      })
      if (build.status === 0) index = JSON.parse(fs.readFileSync(path.join(builtStoreDir(build), 'index.json'), 'utf8')) as StoreIndex
    }, 900_000)
    afterAll(() => {
      if (build) fs.rmSync(build.dir, { recursive: true, force: true })
    })

    it('imports with default options and builds', () => {
      expect({ status: build.status, output: build.status === 0 ? '' : `${report}\n${build.output}` }).toEqual({ status: 0, output: '' })
    })

    it('reaches every published post and page from its old <link> in one hop', () => {
      const posts = new Set(index.posts.filter((post) => !post.draft).map((post) => `/posts/${post.slug}`))
      const pages = new Set(index.pages.filter((page) => !page.draft).map((page) => `/${page.slug}`))
      const homeless = new Set([...report.matchAll(/^ {2}"[^"]*": (\S+) \(/gm)].map((match) => match[1]))
      const unreached: string[] = []
      for (const item of wxr.items.filter((entry) => entry.status === 'publish' && (entry.postType === 'post' || entry.postType === 'page'))) {
        // A password-protected post is imported as a draft, so that it does not become public.
        if (homeless.has(item.link) || item.password) continue
        // A link that is no address (some exports garble it) is reached by its id, as WordPress answered it too.
        const old = URL.canParse(item.link)
          ? new URL(item.link)
          : new URL(`?${item.postType === 'page' ? 'page_id' : 'p'}=${item.id}`, wxr.site.blogUrl.replace(/\/?$/, '/'))
        const to = findContentRedirect(index.redirects, old.pathname, old.search, servedHere)
        // Without an entry, the old address must be the new one (a page's /about/ is /about, by the trailing-slash rule).
        const arrived = to ?? decodeURIComponent(old.pathname).replace(/\/+$/, '')
        const home = item.postType === 'post' ? posts : pages
        if (!home.has(arrived) || (to && findContentRedirect(index.redirects, to, '', servedHere))) unreached.push(`${item.link} → ${arrived}`)
      }
      expect(unreached).toEqual([])
    })

    it('gives each post the byline of its dc:creator', () => {
      const names = new Map(wxr.authors.map((author) => [author.login, displayNameOf(author)]))
      const authors = new Map(index.authors.map((author) => [author.id, author.name]))
      const creators = new Map(
        wxr.items.filter((item) => item.postType === 'post').map((item) => [decodeEntities(htmlToText(item.title)), item.creator]),
      )
      const wrong = index.posts
        .map((post) => ({ post, creator: creators.get(post.title) }))
        .filter(({ creator }) => creator)
        .filter(({ post, creator }) => authors.get(post.author ?? '') !== (names.get(creator!) ?? creator))
        .map(({ post, creator }) => `${post.slug}: ${post.author} for ${creator}`)
      expect(wrong).toEqual([])
    })

    it('carries every approved comment of a published post or page into the store', () => {
      const stored = [...index.posts, ...index.pages].reduce((sum, document) => sum + (document.commentCount ?? 0), 0)
      const written = filesBelow(path.join(build.contentDir, 'comments')).reduce(
        (sum, file) => sum + (JSON.parse(fs.readFileSync(file, 'utf8')) as { comments: unknown[] }).comments.length,
        0,
      )
      expect(stored).toBe(written)
      expect(report).toMatch(new RegExp(`\\nComments ${written} approved`))
    })

    it('shows no picture the Content-Security-Policy forbids', () => {
      const allowed = new Set(index.imageHosts)
      const forbidden = filesBelow(path.join(build.contentDir, 'posts'))
        .filter((file) => file.endsWith('.mdx'))
        .flatMap((file) => {
          const mdx = fs.readFileSync(file, 'utf8')
          const hero = /^image: "(https?:[^"]+)"$/m.exec(mdx)?.[1]
          return [...(hero ? [hero] : []), ...findImageReferences(mdx.replace(/^---\n[\s\S]*?\n---\n/, '')).map((reference) => reference.src)]
        })
        .filter((src) => /^https?:\/\//.test(src))
        .filter((src) => !src.startsWith('https://') || !allowed.has(new URL(src).hostname))
      expect(forbidden).toEqual([])
    })
  })
