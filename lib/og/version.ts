/**
 * Card versions: a short fingerprint of what a card shows, carried in its URL
 * (./urls.ts), so a changed post, page or site gets a fresh card past every
 * cache while an unchanged one keeps its address.
 */
import { createHash } from 'node:crypto'
import { site } from '../config'
import type { Page, Post } from '../content'

/** A short, stable hash of some values, for URLs that must change when what they show changes. */
export function fingerprint(values: unknown): string {
  return createHash('sha256').update(JSON.stringify(values)).digest('base64url').slice(0, 10)
}

/** A short stable fingerprint of what a post looks like, so derived URLs change when it does. */
export function postVersion(post: Pick<Post, 'title' | 'date' | 'updated' | 'tags' | 'author'> & Partial<Pick<Post, 'hero'>>): string {
  // The card draws the hero, so a new photo is a new card.
  return fingerprint([post.title, post.date, post.updated ?? '', post.tags, post.author ?? '', ...(post.hero ? [post.hero.hash] : [])])
}

/** Fingerprints what a page's card shows (the site card with the page's title), so its URL changes when that does. */
export function pageCardVersion(page: Pick<Page, 'title'>): string {
  return fingerprint([page.title, site.name, site.url])
}

/** Fingerprints everything the site card shows, so renaming the site also changes the URL. */
export function siteCardVersion(): string {
  return fingerprint([site.name, site.description, site.url])
}
