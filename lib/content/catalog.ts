/**
 * Every listing the site shows, derived from post metadata alone and computed
 * once per change in what is published rather than once per request: with
 * thousands of posts, filtering, sorting and grouping them on every request
 * (the route guard asks on every request) would cost more than the page.
 */
import { slugify } from '../markdown'
import { isPublished, newestFirst } from './published'
import type { Post } from './types'

export type TagSummary = { slug: string; name: string; count: number }

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

type TagRef = { slug: string; name: string }

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

/** All posts of one build, drafts included; what is published is asked of `isPublished` alone. */
export class PostCatalog {
  /** Posts that are not drafts, newest first: the scheduled ones are a prefix, the published the rest. */
  private readonly dated: Post[]
  private readonly drafts: Post[]
  private readonly bySlug: Map<string, Post>
  private readonly tagRefs = new Map<Post, TagRef[]>()
  private current?: { start: number; view: PublishedPosts }

  constructor(posts: readonly Post[]) {
    const sorted = [...posts].sort(newestFirst)
    this.drafts = sorted.filter((post) => post.draft === true)
    this.dated = sorted.filter((post) => post.draft !== true)
    this.bySlug = new Map(sorted.map((post) => [post.slug, post]))
    // Few distinct tag names, many posts: slugify each name once.
    const slugs = new Map<string, string>()
    for (const post of sorted) {
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

  /**
   * Where the published posts start in `dated`. Sorted newest first, a post
   * whose date has not come is never after one whose date has, so a binary
   * search with the one published test finds the boundary.
   */
  private firstPublished(now: Date): number {
    let lo = 0
    let hi = this.dated.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (isPublished(this.dated[mid], now)) hi = mid
      else lo = mid + 1
    }
    return lo
  }

  /** The published posts at `now`; the same object (and its cached groupings) until a scheduled post goes live. */
  published(now: Date): PublishedPosts {
    const start = this.firstPublished(now)
    if (this.current?.start !== start) {
      this.current = { start, view: new PublishedPosts(this.dated.slice(start), (post) => this.tagRefs.get(post) ?? []) }
    }
    return this.current.view
  }

  /** Any post with this slug, published or not: callers decide with `isPublished`. */
  find(slug: string): Post | undefined {
    return this.bySlug.get(slug)
  }

  /** Drafts and scheduled posts, newest first. */
  unpublished(now: Date): Post[] {
    return [...this.dated.slice(0, this.firstPublished(now)), ...this.drafts].sort(newestFirst)
  }
}

const catalogs = new WeakMap<readonly Post[], PostCatalog>()

/** A catalog for a list of posts given directly (tests, scripts), built once per list. */
export function catalogOf(posts: readonly Post[]): PostCatalog {
  let catalog = catalogs.get(posts)
  if (!catalog) catalogs.set(posts, (catalog = new PostCatalog(posts)))
  return catalog
}
