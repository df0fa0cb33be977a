/**
 * Readers' comments on a document: its `comments` front matter (COMMON_FIELDS)
 * says whether its own are open; a kind keeps comments when it has that field
 * (takesComments in ./kind).
 */
import type { COMMON_FIELDS } from './fields'

/** What a document's front matter says about its comments: open (the default), closed, or false (none shown, none taken). */
export type CommentsFrontMatter = (typeof COMMON_FIELDS.comments.options)[number]
