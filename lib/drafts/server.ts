/** Who may read a draft (a signed-in author, or a share link's holder), and the drafts list: server-only, since it reads drafts. */
import 'server-only'

export { createDraftShareLink, getDraftSummaries, resolveDraftAccess, type Draft, type DraftAccess, type DraftSummary } from './drafts'
