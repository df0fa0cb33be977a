import { planAuthors, type AuthorFile } from './authors'
import { exportLookup, planImport, type ImportOptions, type ImportPlan } from './convert'
import { planRedirects, type RedirectPlan } from './redirects'
import type { WxrExport } from './wxr'

/** Everything an export becomes: posts and pages, author files, and where the old addresses go. */
export type ExportPlan = ImportPlan & { authors: AuthorFile[]; redirects: RedirectPlan }

/** The content folder the posts folder sits in (`content/posts` → `content`). */
export function contentDirOf(options: ImportOptions): string {
  const postsDir = options.postsDir ?? 'content/posts'
  return postsDir.replace(/\/+$/, '').replace(/\/?[^/]*$/, '') || '.'
}

/**
 * Plans the whole import: each login becomes an author (or the one `--author`
 * names), items are converted with their author, and every old address is
 * mapped to its new home.
 */
export function planExport(wxr: WxrExport, options: ImportOptions = {}): ExportPlan {
  // Pages have no byline: only posts' logins become authors.
  const imported = wxr.items.filter((item) => item.postType === 'post' && !['trash', 'auto-draft', 'inherit'].includes(item.status))
  const authors = planAuthors(imported, wxr.authors, options.author, `${contentDirOf(options)}/authors`)
  const author = typeof options.author === 'string' ? options.author : Object.fromEntries(authors.idOf)
  const plan = planImport(wxr.items, { baseUrl: wxr.site.blogUrl || undefined, ...options, author })
  const redirects = planRedirects(wxr.site, wxr.items, plan.items, exportLookup(wxr.items), authors.idOf, plan.skipped, wxr.categories)
  return { ...plan, authors: authors.files, redirects }
}
