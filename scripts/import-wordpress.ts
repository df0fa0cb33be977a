/**
 * npm run import:wordpress -- <export.xml|export.zip> [--out content/posts] [--pages-out <dir> | --no-pages]
 *                              [--author <id> | --author <login>=<id> …] [--dry-run] [--force]
 *                              [--media-dir <uploads folder>] [--no-download] [--media-host <host> …]
 *
 * Exit codes: 0 done, 1 the export cannot be read (empty, truncated, not WXR,
 * malformed) or a file was not written, 2 bad arguments or missing file.
 */
import fs from 'node:fs'
import path from 'node:path'
import {
  checkedBody,
  contentDirOf,
  ExportInputError,
  parseWxrExport,
  planImportWithImages,
  readExport,
  writePost,
  WxrParseError,
  type CommentsFile,
  type ConvertedItem,
  type ImportOptions,
  type MediaOptions,
  type RedirectsFile,
  type WxrExport,
} from '../lib/wordpress'
import { commentsFile, page as pageKind, post as postKind } from '../lib/documents'
import { TEXT_ALTERNATIVE_MISSING } from '../lib/images/build'

const USAGE = `Usage: npm run import:wordpress -- <export file> [options]

The export file is WordPress's XML (Tools → Export → All content), or the
.zip WordPress.com sends, as it is.

Options:
  --out <dir>              folder for posts (default: content/posts)
  --pages-out <dir>        folder for pages (default: pages beside the posts folder, content/pages)
  --no-pages               leave pages out
  --author <id>            author id (a file name in content/authors) for every post
  --author <login>=<id>    map one WordPress login (dc:creator) to an author id; repeatable
  --dry-run                show what would be written, write nothing (and download nothing)
  --force                  overwrite existing files
  --media-dir <folder>     bring images home from a copy of the old site's wp-content/uploads first
  --no-download            do not download images from the old site (by default each one is tried)
  --media-host <host>      also fetch images from this host (repeatable); by default only the
                           old site's own host and its WordPress CDN hosts
  --max-image-mb <n>       largest image file to download (default 20)
  --timeout <seconds>      time allowed for each image request (default 20)
  --help                   show this help`

class UsageError extends Error {}

type Args = { file: string; options: ImportOptions; dryRun: boolean; force: boolean; media: MediaOptions }

function parseArgs(argv: string[]): Args | 'help' {
  const positional: string[] = []
  const options: ImportOptions = {}
  const authorMap: Record<string, string> = {}
  let dryRun = false
  let force = false
  const media: MediaOptions = { extraHosts: [], download: true }
  const positiveNumber = (flag: string, text: string) => {
    const number = Number(text)
    if (!Number.isFinite(number) || number <= 0) throw new UsageError(`${flag} needs a positive number, got "${text}"`)
    return number
  }

  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined]
    const value = () => {
      const next = inline ?? argv[++i]
      if (next === undefined || next === '') throw new UsageError(`${flag} needs a value`)
      return next
    }
    switch (flag) {
      case '--help':
      case '-h':
        return 'help'
      case '--out':
        options.postsDir = value()
        break
      case '--pages-out':
        options.pagesDir = value()
        break
      case '--no-pages':
        if (inline !== undefined) throw new UsageError(`${flag} takes no value`)
        options.skipPages = true
        break
      case '--author': {
        const author = value()
        const separator = author.indexOf('=')
        if (separator === -1) options.author = author
        else authorMap[author.slice(0, separator)] = author.slice(separator + 1)
        break
      }
      case '--dry-run':
        if (inline !== undefined) throw new UsageError(`${flag} takes no value`)
        dryRun = true
        break
      case '--force':
        if (inline !== undefined) throw new UsageError(`${flag} takes no value`)
        force = true
        break
      case '--media-dir':
        media.mediaDir = value()
        break
      case '--download':
        // The default now; still accepted so older scripts keep working.
        if (inline !== undefined) throw new UsageError(`${flag} takes no value`)
        media.download = true
        break
      case '--no-download':
        if (inline !== undefined) throw new UsageError(`${flag} takes no value`)
        media.download = false
        break
      case '--media-host':
        media.extraHosts.push(value())
        break
      case '--max-image-mb':
        media.maxBytes = positiveNumber(flag, value()) * 1024 * 1024
        break
      case '--timeout':
        media.timeoutMs = positiveNumber(flag, value()) * 1000
        break
      default:
        if (flag.startsWith('-')) throw new UsageError(`Unknown option: ${flag}`)
        positional.push(flag)
    }
  }

  if (typeof options.author === 'string' && Object.keys(authorMap).length) {
    throw new UsageError('Use either --author <id> or --author <login>=<id>, not both')
  }
  if (Object.keys(authorMap).length) options.author = authorMap
  if (options.skipPages && options.pagesDir) throw new UsageError('Use either --pages-out <dir> or --no-pages, not both')
  if (positional.length === 0) throw new UsageError('Missing the export file')
  if (positional.length > 1) throw new UsageError(`Expected one export file, got: ${positional.join(', ')}`)
  if (media.mediaDir && (!fs.existsSync(media.mediaDir) || !fs.statSync(media.mediaDir).isDirectory())) {
    throw new UsageError(`--media-dir ${media.mediaDir} is not a folder`)
  }
  return { file: positional[0], options, dryRun, force, media }
}

function stateLabel(item: ConvertedItem): string {
  if (item.state === 'draft') return ' [draft]'
  if (item.state === 'scheduled') return ` [scheduled ${item.date}]`
  return ''
}

/** Every XML document in the file as one export (WordPress.com zips hold several). */
function readWxr(file: string): WxrExport {
  const documents = readExport(fs.readFileSync(file), file)
  const parts = documents.map((document) => {
    try {
      return parseWxrExport(document.xml)
    } catch (error) {
      if (error instanceof WxrParseError && documents.length > 1)
        throw new WxrParseError(`${document.name}: ${error.message}`, error.line, error.column)
      throw error
    }
  })
  const authors = new Map(parts.flatMap((part) => part.authors).map((author) => [author.login, author]))
  return {
    site: parts[0].site,
    authors: [...authors.values()],
    categories: parts.flatMap((part) => part.categories),
    items: parts.flatMap((part) => part.items),
  }
}

/** Writes a generated file unless one is there and `--force` was not given; says what happened. */
function writeGenerated(file: string, text: string, { force, dryRun }: { force: boolean; dryRun: boolean }): 'written' | 'kept' | 'dry-run' {
  if (dryRun) return 'dry-run'
  if (fs.existsSync(file) && !force) return 'kept'
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, text)
  return 'written'
}

/** A report line for a message many items share, once with a count, then the items. */
function shared(message: string, titles: string[]): string {
  const shown = titles.slice(0, 5).map((title) => `"${title}"`)
  return `  ${message} (${titles.length} items: ${shown.join(', ')}${titles.length > 5 ? `, and ${titles.length - 5} more` : ''})`
}

async function main(argv: string[]): Promise<number> {
  let args: Args | 'help'
  try {
    args = parseArgs(argv)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    console.error(`${error.message}\n\n${USAGE}`)
    return 2
  }
  if (args === 'help') {
    console.log(USAGE)
    return 0
  }

  if (!fs.existsSync(args.file) || !fs.statSync(args.file).isFile()) {
    console.error(`Export file not found: ${args.file}`)
    return 2
  }

  let wxr: WxrExport
  try {
    wxr = readWxr(args.file)
  } catch (error) {
    if (error instanceof ExportInputError) console.error(error.message)
    else if (error instanceof WxrParseError) console.error(`${args.file}: ${error.message}`)
    else throw error
    return 1
  }

  const { plan, items: withImages, remoteHosts } = await planImportWithImages(wxr, args.options, args.media, { dryRun: args.dryRun })
  const contentDir = contentDirOf(args.options)
  const writing = { force: args.force, dryRun: args.dryRun }
  const imported: ConvertedItem[] = []
  const skipped = plan.skipped.map((item) => `"${item.title}" (${item.postType}): ${item.reason}`)
  const notWritten: string[] = []
  const notHome: string[] = []
  /** Addresses of items not written: no redirect may lead there. */
  const unwritten = new Set<string>()
  let failed = false
  for (const { item: planned, files, missing } of withImages) {
    const [, head, body] = /^(---\n[\s\S]*?\n---\n)([\s\S]*)$/.exec(planned.mdx)!
    const checked = await checkedBody(body)
    if (checked.problem) {
      notWritten.push(
        `"${planned.title}" (${planned.path}): line ${checked.problem.line ?? '?'} of the body is not valid MDX: ${checked.problem.message}`,
      )
      if (planned.url) unwritten.add(planned.url)
      failed = true
      continue
    }
    const item = { ...planned, mdx: head + checked.body, warnings: [...planned.warnings, ...checked.warnings] }
    // A post may exist as a file or as a bundle folder; either claims the slug. A page's folder holds its child pages.
    const single = path.resolve(item.path.replace(/\/index\.mdx$/, '.mdx'))
    const twin = item.kind === 'post' ? single.replace(/\.mdx$/, '') : single.replace(/\.mdx$/, '/index.mdx')
    const existing = [single, twin].find((target) => fs.existsSync(target))
    if (existing && !args.force) {
      skipped.push(`"${item.title}": ${path.relative(process.cwd(), existing)} already exists (use --force to overwrite)`)
      continue
    }
    for (const { url, reason } of missing) notHome.push(`"${item.title}": ${url} (${reason})`)
    if (!args.dryRun) {
      try {
        writePost(item, files)
      } catch (error) {
        console.error(`Could not write ${item.path}: ${(error as Error).message}`)
        if (item.url) unwritten.add(item.url)
        failed = true
        continue
      }
    }
    imported.push(item)
  }

  // Each post's and page's approved comments, beside the content (the site's shared comment model).
  const commented = imported.filter((item) => item.comments.length)
  for (const item of commented) {
    const file: CommentsFile = { comments: item.comments }
    const kind = item.kind === 'page' ? pageKind : postKind
    writeGenerated(path.join(contentDir, commentsFile(kind, item.slug)), `${JSON.stringify(file, null, 2)}\n`, { ...writing, force: true })
  }

  // Authors: an existing file is never replaced, --force or not: it may have been edited since.
  const authorsWritten: string[] = []
  const authorsKept: string[] = []
  for (const author of plan.authors) {
    const outcome = writeGenerated(author.path, author.mdx, { ...writing, force: false })
    ;(outcome === 'kept' ? authorsKept : authorsWritten).push(`${author.id} ← ${author.login} ("${author.name}")`)
  }
  const forcedAuthor = typeof args.options.author === 'string' ? args.options.author : undefined
  const authorsDir = path.join(contentDir, 'authors')
  const missingAuthors = (forcedAuthor ? [forcedAuthor] : Object.values(typeof args.options.author === 'object' ? args.options.author : {})).filter(
    (id) => !fs.existsSync(path.join(authorsDir, `${id}.mdx`)),
  )

  // Where the old addresses go, and which picture hosts the Content-Security-Policy must allow.
  const redirectsFile = path.join(contentDir, 'redirects', 'wordpress.json')
  const redirects: RedirectsFile = { redirects: plan.redirects.redirects.filter((entry) => !unwritten.has(entry.to)) }
  const redirectsOutcome = writeGenerated(redirectsFile, `${JSON.stringify(redirects, null, 2)}\n`, writing)
  const hostsFile = path.join(contentDir, 'image-hosts', 'wordpress.json')
  const hostsOutcome = remoteHosts.length ? writeGenerated(hostsFile, `${JSON.stringify({ hosts: remoteHosts }, null, 2)}\n`, writing) : undefined

  const tagNames = new Map<string, Set<string>>()
  for (const item of imported) {
    for (const [slug, names] of Object.entries(item.tags)) {
      const set = tagNames.get(slug) ?? new Set<string>()
      names.forEach((name) => set.add(name))
      tagNames.set(slug, set)
    }
  }

  const verb = args.dryRun ? 'Would import' : 'Imported'
  const pages = imported.filter((item) => item.kind === 'page').length
  console.log(
    `${verb} ${imported.length}${args.dryRun ? ' (dry run: nothing written)' : ''}${pages ? ` (${imported.length - pages} posts, ${pages} pages)` : ''}:`,
  )
  for (const item of imported) console.log(`  ${item.path}  "${item.title}"${stateLabel(item)}`)
  console.log(`\nSkipped ${skipped.length}:`)
  for (const line of skipped) console.log(`  ${line}`)
  if (notWritten.length) {
    console.log(`\nNot written ${notWritten.length} (the MDX would break the build):`)
    for (const line of notWritten) console.log(`  ${line}`)
  }

  // A message many items share is said once, with a count; the rest is listed under each item.
  const byMessage = new Map<string, string[]>()
  for (const item of imported) for (const warning of new Set(item.warnings)) byMessage.set(warning, [...(byMessage.get(warning) ?? []), item.title])
  const common = [...byMessage].filter(([, titles]) => titles.length > 1)
  const withWarnings = imported.filter((item) => item.warnings.some((warning) => byMessage.get(warning)!.length === 1))
  console.log(`\nWarnings: what was dropped or changed, in ${imported.filter((item) => item.warnings.length).length} item(s):`)
  for (const [message, titles] of common) console.log(shared(message, titles))
  for (const item of withWarnings) {
    console.log(`  "${item.title}" (${item.path}):`)
    for (const warning of item.warnings.filter((entry) => byMessage.get(entry)!.length === 1)) console.log(`    - ${warning}`)
  }
  for (const id of missingAuthors) console.log(`  author "${id}" has no file ${path.relative(process.cwd(), path.join(authorsDir, `${id}.mdx`))}`)

  const onlyShortcodes = imported.filter((item) => item.onlyShortcodes)
  if (onlyShortcodes.length) {
    console.log(`\nMade only of plugin shortcodes ${onlyShortcodes.length} (their content came from plugins; write it, or delete the item):`)
    for (const item of onlyShortcodes) console.log(`  "${item.title}" (${item.path}): ${item.onlyShortcodes!.map((name) => `[${name}]`).join(' ')}`)
  }

  const marked = imported.filter((item) => item.mdx.includes(TEXT_ALTERNATIVE_MISSING))
  console.log(
    `\nImages without a text alternative ${marked.reduce((sum, item) => sum + item.mdx.split(TEXT_ALTERNATIVE_MISSING).length - 1, 0)}, in ${marked.length} item(s): ` +
      `marked "${TEXT_ALTERNATIVE_MISSING}"; the accessibility statement lists these posts until each is described.`,
  )
  for (const item of marked) console.log(`  "${item.title}" (${item.path})`)

  console.log(`\nImages not brought home ${notHome.length}:`)
  for (const line of notHome) console.log(`  ${line}`)
  if (remoteHosts.length)
    console.log(
      `  Shown from their hosts, which ${path.relative(process.cwd(), hostsFile)} lets the Content-Security-Policy allow (${hostsOutcome}): ${remoteHosts.join(', ')}`,
    )

  console.log(
    `\nAuthors ${plan.authors.length}: ${authorsWritten.length} written to ${path.relative(process.cwd(), authorsDir) || authorsDir}, ${authorsKept.length} already there and kept`,
  )
  for (const line of authorsWritten) console.log(`  ${line}`)
  for (const line of authorsKept) console.log(`  ${line} (kept as it is)`)

  console.log(`\nOld links: ${plan.redirects.redirects.length} redirects in ${path.relative(process.cwd(), redirectsFile)} (${redirectsOutcome})`)
  console.log(`Old links with no home ${plan.redirects.homeless.length}:`)
  for (const entry of plan.redirects.homeless) console.log(`  "${entry.title}": ${entry.link} (${entry.reason})`)

  const comments = commented.reduce((sum, item) => sum + item.comments.length, 0)
  const leftOut = imported.reduce((sum, item) => sum + item.commentsLeftOut, 0)
  const onPages = commented.filter((item) => item.kind === 'page').length
  const from = `${commented.length - onPages} post(s)${onPages ? ` and ${onPages} page(s)` : ''}`
  console.log(
    `\nComments ${comments} approved, from ${from}, ${args.dryRun ? 'would be written' : 'written'} to ${path.relative(process.cwd(), path.join(contentDir, 'comments'))}/<slug>.json` +
      `${onPages ? ` and ${path.relative(process.cwd(), path.join(contentDir, commentsFile(pageKind, '<slug>')))}` : ''}` +
      `${leftOut ? `; ${leftOut} left out (held for moderation, spam or trashed)` : ''}`,
  )
  for (const item of commented) console.log(`  "${item.title}": ${item.comments.length}`)

  console.log(`\nTags ${tagNames.size}:`)
  for (const [slug, names] of [...tagNames].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`  ${slug} ← ${[...names].map((name) => `"${name}"`).join(', ')}`)
  }
  return failed ? 1 : 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: Error) => {
    console.error(error.stack ?? error.message)
    process.exitCode = 1
  },
)
