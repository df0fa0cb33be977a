import type { Notes } from './notes'

/** Code set aside before HTML parsing, so `<App/>` in it is text and not a tag. */
export type RawCode = { code: string; lang?: string }

export type MediaKind = 'image' | 'audio' | 'video' | 'file'

/** Where a file of the old site is served from after the import. */
export type MediaTarget = { src: string; local: boolean }

/**
 * Maps an old-site media address to where the post should load it from.
 * The importer copies no files yet, so the default keeps the remote address;
 * bringing images home into post bundles replaces it with a local path.
 */
export type MediaResolver = (url: string, kind: MediaKind) => MediaTarget

export const keepRemoteMedia: MediaResolver = (url) => ({ src: url, local: false })

/** An attachment item of the export, by id: what `[gallery ids]`, audio blocks and featured images point at. */
export type Attachment = { id: string; url: string; alt: string; caption: string; title: string; parent: string }

/** What one body's conversion can look up, and where it records what it dropped. */
export type ConversionContext = {
  notes: Notes
  media: MediaResolver
  attachments: ReadonlyMap<string, Attachment>
  /** Reusable blocks (`wp_block` items) by id, as their raw content. */
  reusableBlocks: ReadonlyMap<string, string>
  /** The item being converted, for `[gallery]` without ids (the post's own attachments). */
  postId?: string
  /** Code set aside before parsing; `<pre data-wp-code="N">` points here. */
  code: RawCode[]
}
