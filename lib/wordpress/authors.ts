import { asciiSlug } from './slugs'
import type { WxrAuthor, WxrItem } from './wxr'

/** An author file the import writes: `content/authors/<id>.mdx`, with the name readers see in bylines. */
export type AuthorFile = { id: string; login: string; name: string; path: string; mdx: string }

/** How each WordPress login (`dc:creator`) becomes an author id, and the files that give those ids a name. */
export type AuthorPlan = {
  /** Login → author id, for every login that wrote an imported item. */
  idOf: ReadonlyMap<string, string>
  /** The files to write, one per author id the import gives a post (none when `--author <id>` forces one). */
  files: AuthorFile[]
}

/** The name WordPress showed in bylines: the display name, else first and last name, else the login. */
export function displayNameOf(author: WxrAuthor): string {
  return author.displayName.trim() || `${author.firstName} ${author.lastName}`.trim() || author.login
}

/**
 * WordPress's `user_nicename`, the author's segment in `/author/<nicename>/`:
 * the login lower-cased with what sanitize_title drops removed. The export
 * does not carry it, so this is WordPress's default derivation.
 */
export function authorNicename(login: string): string {
  return login
    .toLowerCase()
    .replace(/@/g, '')
    .replace(/[\s.]+/g, '-')
    .replace(/[^\p{L}\p{N}_-]+/gu, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
}

function authorFile(id: string, login: string, name: string, dir: string): AuthorFile {
  return {
    id,
    login,
    name,
    path: `${dir.replace(/\/+$/, '')}/${id}.mdx`,
    // Only the name: the export's email address is personal data, and bylines need nothing else.
    mdx: `---\nname: ${JSON.stringify(name)}\n---\n`,
  }
}

/**
 * The author of each imported item. `--author <id>` gives every post that
 * author; `--author <login>=<id>` maps the logins it names; every other login
 * becomes an author of its own, named as WordPress showed it (its
 * `<wp:author>` entry, or the login when the export has none, as WXR 1.0).
 */
export function planAuthors(
  items: readonly WxrItem[],
  authors: readonly WxrAuthor[],
  option: string | Record<string, string> | undefined,
  dir: string,
): AuthorPlan {
  const idOf = new Map<string, string>()
  if (typeof option === 'string') {
    for (const item of items) if (item.creator) idOf.set(item.creator, option)
    return { idOf, files: [] }
  }
  const byLogin = new Map(authors.map((author) => [author.login, author]))
  const taken = new Set(Object.values(option ?? {}))
  const files: AuthorFile[] = []
  for (const login of new Set(items.map((item) => item.creator).filter(Boolean))) {
    const mapped = option?.[login]
    if (mapped) {
      idOf.set(login, mapped)
      continue
    }
    const author = byLogin.get(login)
    const base = asciiSlug(login) || (author ? `author-${author.id}` : 'author')
    let id = base
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
    taken.add(id)
    idOf.set(login, id)
    files.push(authorFile(id, login, author ? displayNameOf(author) : login, dir))
  }
  return { idOf, files }
}
