/**
 * npm run import:wordpress -- <export.xml|export.zip> [--out content/posts] [--pages-out <dir> | --no-pages]
 *                              [--comments-out wordpress-comments.json]
 *                              [--author <id> | --author <login>=<id> …] [--dry-run] [--force]
 *                              [--media-dir <uploads folder>] [--download] [--media-host <host> …]
 *
 * Exit codes: 0 done, 1 the export cannot be read (empty, truncated, not WXR,
 * malformed) or a file was not written, 2 bad arguments or missing file.
 */
import fs from 'node:fs'
import path from 'node:path'
import {
  checkedBody,
  ExportInputError,
  parseWxr,
  planImportWithImages,
  readExport,
  writePost,
  WxrParseError,
  type ConvertedItem,
  type ImportOptions,
  type MediaOptions,
  type WxrItem,
} from '../lib/wordpress'

const DEFAULT_COMMENTS_FILE = 'wordpress-comments.json'

const USAGE = `Usage: npm run import:wordpress -- <export file> [options]

The export file is WordPress's XML (Tools → Export → All content), or the
.zip WordPress.com sends, as it is.

Options:
  --out <dir>              folder for posts (default: content/posts)
  --pages-out <dir>        folder for pages (default: pages beside the posts folder, content/pages)
  --no-pages               leave pages out
  --comments-out <file>    where readers' comments are kept (default: ${DEFAULT_COMMENTS_FILE})
  --author <id>            author id (a file name in content/authors) for every post
  --author <login>=<id>    map one WordPress login (dc:creator) to an author id; repeatable
  --dry-run                show what would be written, write nothing (and download nothing)
  --force                  overwrite existing files
  --media-dir <folder>     bring images home from a copy of the old site's wp-content/uploads
  --download               bring images home by downloading them from the old site
  --media-host <host>      also fetch images from this host (repeatable); by default only the
                           old site's own host and its WordPress CDN hosts
  --max-image-mb <n>       largest image file to download (default 20)
  --timeout <seconds>      time allowed for each image request (default 20)
  --help                   show this help`

class UsageError extends Error {}

type Args = { file: string; options: ImportOptions; commentsFile: string; dryRun: boolean; force: boolean; media: MediaOptions }

function parseArgs(argv: string[]): Args | 'help' {
  const positional: string[] = []
  const options: ImportOptions = {}
  const authorMap: Record<string, string> = {}
  let commentsFile = DEFAULT_COMMENTS_FILE
  let dryRun = false
  let force = false
  const media: MediaOptions = { extraHosts: [] }
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
      case '--comments-out':
        commentsFile = value()
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
        if (inline !== undefined) throw new UsageError(`${flag} takes no value`)
        media.download = true
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
  return { file: positional[0], options, commentsFile, dryRun, force, media }
}

function stateLabel(item: ConvertedItem): string {
  if (item.state === 'draft') return ' [draft]'
  if (item.state === 'scheduled') return ` [scheduled ${item.date}]`
  return ''
}

/** Every item of every XML document in the file (WordPress.com zips hold several). */
function readItems(file: string): WxrItem[] {
  const documents = readExport(fs.readFileSync(file), file)
  return documents.flatMap((document) => {
    try {
      return parseWxr(document.xml)
    } catch (error) {
      if (error instanceof WxrParseError && documents.length > 1)
        throw new WxrParseError(`${document.name}: ${error.message}`, error.line, error.column)
      throw error
    }
  })
}

function commentsDocument(items: ConvertedItem[], exportFile: string) {
  return {
    source: path.basename(exportFile),
    note: 'Readers’ comments from the WordPress export, by post. Email and IP addresses are not copied; they stay in the export.',
    posts: items
      .filter((item) => item.comments.length)
      .map((item) => ({ kind: item.kind, slug: item.slug, title: item.title, file: item.path, comments: item.comments })),
  }
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

  let items: WxrItem[]
  try {
    items = readItems(args.file)
  } catch (error) {
    if (error instanceof ExportInputError) console.error(error.message)
    else if (error instanceof WxrParseError) console.error(`${args.file}: ${error.message}`)
    else throw error
    return 1
  }

  const { plan, items: withImages } = await planImportWithImages(items, args.options, args.media, { dryRun: args.dryRun })
  const imported: ConvertedItem[] = []
  const skipped = plan.skipped.map((item) => `"${item.title}" (${item.postType}): ${item.reason}`)
  const notWritten: string[] = []
  const notHome: string[] = []
  let failed = false
  for (const { item: planned, files, missing } of withImages) {
    const [, head, body] = /^(---\n[\s\S]*?\n---\n)([\s\S]*)$/.exec(planned.mdx)!
    const checked = await checkedBody(body)
    if (checked.problem) {
      notWritten.push(
        `"${planned.title}" (${planned.path}): line ${checked.problem.line ?? '?'} of the body is not valid MDX: ${checked.problem.message}`,
      )
      failed = true
      continue
    }
    const item = { ...planned, mdx: head + checked.body, warnings: [...planned.warnings, ...checked.warnings] }
    // A post may exist as a file or as a bundle folder; either claims the slug.
    const single = path.resolve(item.path.replace(/\/index\.mdx$/, '.mdx'))
    const existing = [single, single.replace(/\.mdx$/, '')].find((target) => fs.existsSync(target))
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
        failed = true
        continue
      }
    }
    imported.push(item)
  }

  const authors = args.options.author
  const authorIds = typeof authors === 'string' ? [authors] : Object.values(authors ?? {})
  const authorsDir = path.resolve(path.dirname(path.resolve(args.options.postsDir ?? 'content/posts')), 'authors')
  const missingAuthors = authorIds.filter((id) => !fs.existsSync(path.join(authorsDir, `${id}.mdx`)))

  const withWarnings = imported.filter((item) => item.warnings.length)
  const unmapped = imported.filter((item) => item.unmappedLink)
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
  console.log(`\nWarnings: what was dropped or changed, in ${withWarnings.length} item(s):`)
  for (const item of withWarnings) {
    console.log(`  "${item.title}" (${item.path}):`)
    for (const warning of item.warnings) console.log(`    - ${warning}`)
  }
  for (const id of missingAuthors) console.log(`  author "${id}" has no file ${path.relative(process.cwd(), path.join(authorsDir, `${id}.mdx`))}`)
  if (args.media.mediaDir || args.media.download) {
    console.log(`\nImages not brought home ${notHome.length}:`)
    for (const line of notHome) console.log(`  ${line}`)
    if (notHome.length)
      console.log('  These still load from where they were; the Content-Security-Policy blocks them unless IMAGE_REMOTE_HOSTS lists their host.')
  }
  console.log(`\nOld links the site does not map ${unmapped.length}:`)
  for (const item of unmapped) console.log(`  "${item.title}": ${item.unmappedLink!.link} → ${item.url ?? item.path} (${item.unmappedLink!.reason})`)

  const kept = imported.flatMap((item) => item.comments)
  const discarded = imported.reduce((sum, item) => sum + item.discardedComments, 0)
  const commentsFile = path.resolve(args.commentsFile)
  let commentsWhere = args.dryRun ? `would be written to ${args.commentsFile}` : `written to ${args.commentsFile}`
  if (kept.length && !args.dryRun) {
    if (fs.existsSync(commentsFile) && !args.force) {
      commentsWhere = `NOT written: ${args.commentsFile} already exists (use --force to overwrite)`
    } else {
      fs.mkdirSync(path.dirname(commentsFile), { recursive: true })
      fs.writeFileSync(commentsFile, `${JSON.stringify(commentsDocument(imported, args.file), null, 2)}\n`)
    }
  }
  const pending = kept.filter((comment) => comment.status === 'pending').length
  const pingbacks = kept.filter((comment) => comment.type !== 'comment').length
  console.log(
    `\nComments ${kept.length}${kept.length ? ` (${kept.length - pending} approved, ${pending} awaiting moderation, ${pingbacks} pingbacks/trackbacks) from ${imported.filter((item) => item.comments.length).length} item(s), ${commentsWhere}` : ''}` +
      `${discarded ? `; ${discarded} spam or trashed left out` : ''}`,
  )
  for (const item of imported.filter((entry) => entry.comments.length)) console.log(`  "${item.title}": ${item.comments.length}`)

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
