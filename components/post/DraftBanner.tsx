import type { ReactNode } from 'react'
import { formatDate } from '@/lib/content'
import type { Draft } from '@/lib/drafts'

/**
 * `share` is the page's to give (the share-link island, for authors), so pages that import this folder load no island of it.
 * Draft pages have no date and no preview links, so `shareable` is false for them.
 */
type Props = { state: Draft['state']; date?: string; share?: ReactNode; shareable?: boolean }

export function DraftBanner({ state, date, share, shareable = true }: Props) {
  return (
    <div className="banner" role="note" aria-label="Preview">
      <p>
        <strong>{state === 'scheduled' && date ? `Scheduled for ${formatDate(date)}` : 'Draft'}</strong>
        {` – only signed-in authors${shareable ? ' and people with a preview link' : ''} can read this.`}
      </p>
      {share}
    </div>
  )
}
