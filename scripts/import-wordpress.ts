/**
 * npm run import:wordpress -- <export.xml> [--out content/posts] [--pages-out content/pages]
 *                              [--author <id> | --author <login>=<id> …] [--dry-run] [--force]
 *
 * Exit codes: 0 done, 1 malformed export or a write failed, 2 bad arguments or missing file.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseWxr, planImport, WxrParseError, type ConvertedItem, type ImportOptions } from '../lib/wordpress'

const USAGE = `Usage: npm run import:wordpress -- <export.xml> [options]

Options:
  --out <dir>              folder for posts (default: content/posts)
  --pages-out <dir>        import pages into this folder (default: pages are skipped)
  --author <id>            author id (a file name in content/authors) for every post
  --author <login>=<id>    map one WordPress login (dc:creator) to an author id; repeatable
  --dry-run                show what would be written, write nothing
  --force                  overwrite existing files
  --help                   show this help`

class UsageError extends Error {}

type Args = { file: string; options: ImportOptions; dryRun: boolean; force: boolean }

function parseArgs(argv: string[]): Args | 'help' {
  const positional: string[] = []
  const options: ImportOptions = {}
  const authorMap: Record<string, string> = {}
  let dryRun = false
  let force = false

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
      default:
        if (flag.startsWith('-')) throw new UsageError(`Unknown option: ${flag}`)
        positional.push(flag)
    }
  }

  if (typeof options.author === 'string' && Object.keys(authorMap).length) {
    throw new UsageError('Use either --author <id> or --author <login>=<id>, not both')
  }
  if (Object.keys(authorMap).length) options.author = authorMap
  if (positional.length === 0) throw new UsageError('Missing the export file')
  if (positional.length > 1) throw new UsageError(`Expected one export file, got: ${positional.join(', ')}`)
  return { file: positional[0], options, dryRun, force }
}

function stateLabel(item: ConvertedItem): string {
  if (item.state === 'draft') return ' [draft]'
  if (item.state === 'scheduled') return ` [scheduled ${item.date}]`
  return ''
}

function main(argv: string[]): number {
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

  let plan
  try {
    plan = planImport(parseWxr(fs.readFileSync(args.file, 'utf8')), args.options)
  } catch (error) {
    if (!(error instanceof WxrParseError)) throw error
    console.error(`${args.file}: ${error.message}`)
    return 1
  }

  const imported: ConvertedItem[] = []
  const skipped = plan.skipped.map((item) => `"${item.title}" (${item.postType}): ${item.reason}`)
  let failed = false
  for (const item of plan.items) {
    const target = path.resolve(item.path)
    if (fs.existsSync(target) && !args.force) {
      skipped.push(`"${item.title}": ${item.path} already exists (use --force to overwrite)`)
      continue
    }
    if (!args.dryRun) {
      try {
        fs.mkdirSync(path.dirname(target), { recursive: true })
        fs.writeFileSync(target, item.mdx)
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

  const warnings = imported.flatMap((item) => item.warnings.map((warning) => `"${item.title}": ${warning}`))
  for (const id of missingAuthors) warnings.push(`author "${id}" has no file ${path.relative(process.cwd(), path.join(authorsDir, `${id}.mdx`))}`)
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
  console.log(`${verb} ${imported.length}${args.dryRun ? ' (dry run: nothing written)' : ''}:`)
  for (const item of imported) console.log(`  ${item.path}  "${item.title}"${stateLabel(item)}`)
  console.log(`\nSkipped ${skipped.length}:`)
  for (const line of skipped) console.log(`  ${line}`)
  console.log(`\nWarnings ${warnings.length}:`)
  for (const line of warnings) console.log(`  ${line}`)
  console.log(`\nOld links the /YYYY/MM/DD/<slug>/ redirect cannot map ${unmapped.length}:`)
  for (const item of unmapped) console.log(`  "${item.title}": ${item.unmappedLink!.link} → /posts/${item.slug} (${item.unmappedLink!.reason})`)
  console.log(`\nTags ${tagNames.size}:`)
  for (const [slug, names] of [...tagNames].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`  ${slug} ← ${[...names].map((name) => `"${name}"`).join(', ')}`)
  }
  return failed ? 1 : 0
}

process.exitCode = main(process.argv.slice(2))
