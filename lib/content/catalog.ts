/**
 * Every listing the site shows, derived from post metadata alone and computed
 * once per change in what is published rather than once per request: with
 * thousands of posts, filtering, sorting and grouping them on every request
 * (the route guard asks on every request) would cost more than the page.
 */
import { comparatorOf, isPublished, post as postKind, type DocumentKind } from '../documents'
import { slugify } from '../markdown'
import type { Post } from './types'

/** A tag as a post names it, with its slug. */
type TagRef = { slug: string; name: string }

/** A tag with the number of published posts it is on. */
export type TagSummary = TagRef & { count: number }

export type ArchiveMonthSummary = {
  /** `YYYY-MM` */
  key: string
  /** The date of its newest post, for formatting the month's name. */
  date: string
  count: number
  /** Where its newest post stands in the year's list (0 = the year's newest), so a link can name the right page. */
  offset: number
}

export type ArchiveYearSummary = { year: string; count: number; months: ArchiveMonthSummary[] }

/** The posts published at one moment, newest first, and the groupings listings need, each built on first use. */
export class PublishedPosts {
  private positions?: Map<string, number>
  private tagLists?: Map<string, Post[]>
  private tagSummaries?: TagSummary[]
  private tagsBySlug?: Map<string, TagSummary>
  private yearLists?: Map<string, Post[]>
  private authorLists?: Map<string, Post[]>

  constructor(
    readonly posts: readonly Post[],
    private readonly tagsOf: (post: Post) => readonly TagRef[],
  ) {}

  /** Position in `posts`, or -1. */
  indexOf(slug: string): number {
    this.positions ??= new Map(this.posts.map((post, i) => [post.slug, i]))
    return this.positions.get(slug) ?? -1
  }

  private groupByTag(): Map<string, Post[]> {
    if (this.tagLists) return this.tagLists
    const lists = new Map<string, Post[]>()
    const names = new Map<string, string>()
    for (const post of this.posts) {
      for (const tag of this.tagsOf(post)) {
        let list = lists.get(tag.slug)
        if (!list) {
          lists.set(tag.slug, (list = []))
          names.set(tag.slug, tag.name)
        }
        // A post that names one tag twice (or two spellings of one slug) is listed once.
        if (list.at(-1) !== post) list.push(post)
      }
    }
    this.tagSummaries = [...lists].map(([slug, list]) => ({ slug, name: names.get(slug)!, count: list.length }))
    this.tagSummaries.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    return (this.tagLists = lists)
  }

  /** Every tag of a published post, most used first; the name is as the newest post spells it. */
  tags(): TagSummary[] {
    this.groupByTag()
    return this.tagSummaries!
  }

  /** One tag by its slug, found without scanning the list. */
  tag(tagSlug: string): TagSummary | undefined {
    this.groupByTag()
    this.tagsBySlug ??= new Map(this.tagSummaries!.map((tag) => [tag.slug, tag]))
    return this.tagsBySlug.get(tagSlug)
  }

  byTag(tagSlug: string): readonly Post[] {
    return this.groupByTag().get(tagSlug) ?? []
  }

  private groupByYear(): Map<string, Post[]> {
    if (this.yearLists) return this.yearLists
    const lists = new Map<string, Post[]>()
    for (const post of this.posts) {
      const year = post.date.slice(0, 4)
      let list = lists.get(year)
      if (!list) lists.set(year, (list = []))
      list.push(post)
    }
    return (this.yearLists = lists)
  }

  /** Years newest first, each with its months newest first and how many posts each holds. */
  years(): ArchiveYearSummary[] {
    return [...this.groupByYear()].map(([year, posts]) => {
      const months: ArchiveMonthSummary[] = []
      posts.forEach((post, offset) => {
        const key = post.date.slice(0, 7)
        const month = months.at(-1)
        if (month?.key === key) month.count += 1
        else months.push({ key, date: post.date, count: 1, offset })
      })
      return { year, count: posts.length, months }
    })
  }

  year(year: string): readonly Post[] {
    return this.groupByYear().get(year) ?? []
  }

  /** `authorOf` resolves a post's author id (posts without one belong to the site's default author). */
  byAuthor(authorId: string, authorOf: (post: Post) => string): readonly Post[] {
    if (!this.authorLists) {
      const lists = new Map<string, Post[]>()
      for (const post of this.posts) {
        const id = authorOf(post)
        let list = lists.get(id)
        if (!list) lists.set(id, (list = []))
        list.push(post)
      }
      this.authorLists = lists
    }
    return this.authorLists.get(authorId) ?? []
  }
}

type Listed = { slug: string; draft?: boolean; date?: string }

/**
 * All documents of one kind in one build, drafts included, in the kind's
 * order; what is published is asked of `isPublished` alone.
 */
export class DocumentCatalog<R extends Listed> {
  /** Documents that are not drafts: for a kind ordered newest first, the scheduled ones are a prefix and the published the rest. */
  private readonly live: R[]
  private readonly drafts: R[]
  private readonly bySlug: Map<string, R>
  private readonly scheduled: boolean
  private readonly order: (a: R, b: R) => number
  private current?: { start: number; published: readonly R[] }

  constructor(documents: readonly R[], kind: Pick<DocumentKind, 'order'>) {
    this.order = comparatorOf(kind.order)
    const sorted = [...documents].sort(this.order)
    this.drafts = sorted.filter((document) => document.draft === true)
    this.live = sorted.filter((document) => document.draft !== true)
    this.bySlug = new Map(sorted.map((document) => [document.slug, document]))
    this.scheduled = kind.order === 'newest first'
  }

  /**
   * Where the published documents start in `live`. Sorted newest first, a
   * document whose date has not come is never after one whose date has, so a
   * binary search with the one published test finds the boundary; an undated
   * kind's are all published.
   */
  private firstPublished(now: Date): number {
    if (!this.scheduled) return 0
    let lo = 0
    let hi = this.live.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (isPublished(this.live[mid], now)) hi = mid
      else lo = mid + 1
    }
    return lo
  }

  /** The published documents at `now`, in order: the same array until a scheduled one goes live. */
  published(now: Date): readonly R[] {
    const start = this.firstPublished(now)
    if (this.current?.start !== start) this.current = { start, published: this.live.slice(start) }
    return this.current.published
  }

  /** Any document with this slug, published or not: callers decide with `isPublished`. */
  find(slug: string): R | undefined {
    return this.bySlug.get(slug)
  }

  /** Drafts and scheduled documents, in the kind's order. */
  unpublished(now: Date): R[] {
    return [...this.live.slice(0, this.firstPublished(now)), ...this.drafts].sort(this.order)
  }
}

/** All posts of one build, and the listings of the published ones: tags, years and authors. */
export class PostCatalog {
  readonly documents: DocumentCatalog<Post>
  private readonly tagRefs = new Map<Post, TagRef[]>()
  private current?: { posts: readonly Post[]; view: PublishedPosts }

  constructor(posts: readonly Post[]) {
    this.documents = new DocumentCatalog(posts, postKind)
    // Few distinct tag names, many posts: slugify each name once.
    const slugs = new Map<string, string>()
    for (const post of posts) {
      this.tagRefs.set(
        post,
        post.tags.map((name) => {
          let slug = slugs.get(name)
          if (slug === undefined) slugs.set(name, (slug = slugify(name)))
          return { slug, name }
        }),
      )
    }
  }

  /** The published posts at `now`; the same object (and its cached groupings) until a scheduled post goes live. */
  published(now: Date): PublishedPosts {
    const posts = this.documents.published(now)
    if (this.current?.posts !== posts) this.current = { posts, view: new PublishedPosts(posts, (post) => this.tagRefs.get(post) ?? []) }
    return this.current.view
  }

  /** Any post with this slug, published or not: callers decide with `isPublished`. */
  find(slug: string): Post | undefined {
    return this.documents.find(slug)
  }

  /** Drafts and scheduled posts, newest first. */
  unpublished(now: Date): Post[] {
    return this.documents.unpublished(now)
  }
}

const catalogs = new WeakMap<readonly Post[], PostCatalog>()

/** A catalog for a list of posts given directly (tests, scripts), built once per list. */
export function catalogOf(posts: readonly Post[]): PostCatalog {
  let catalog = catalogs.get(posts)
  if (!catalog) catalogs.set(posts, (catalog = new PostCatalog(posts)))
  return catalog
}

const documentCatalogs = new WeakMap<readonly Listed[], DocumentCatalog<Listed>>()

/** A catalog for a list of documents of one kind given directly (tests), built once per list; a list of posts shares its post catalog's. */
export function documentCatalogOf<R extends Listed>(documents: readonly R[], kind: Pick<DocumentKind, 'order' | 'folder'>): DocumentCatalog<R> {
  if (kind.folder === postKind.folder) return catalogOf(documents as unknown as readonly Post[]).documents as unknown as DocumentCatalog<R>
  const known = documentCatalogs.get(documents)
  if (known) return known as unknown as DocumentCatalog<R>
  const catalog = new DocumentCatalog(documents, kind)
  documentCatalogs.set(documents, catalog as unknown as DocumentCatalog<Listed>)
  return catalog
}
