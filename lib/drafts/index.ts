/**
 * Drafts and scheduled posts as authors and share-link reviewers see them:
 * the shapes here; the drafts themselves, and who may read one, in ./server.ts.
 */
export type { Draft, DraftAccess, DraftSummary } from './drafts'
