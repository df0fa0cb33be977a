import type { ReactNode } from 'react'
import { formatDate } from '@/lib/content'
import type { Draft } from '@/lib/content/server'

/** `share` is the page's to give (the share-link island, for authors), so pages that import this folder load no island of it. */
type Props = { state: Draft['state']; date: string; share?: ReactNode }

export function DraftBanner({ state, date, share }: Props) {
  return (
    <div className="banner" role="note" aria-label="Preview">
      <p>
        <strong>{state === 'draft' ? 'Draft' : `Scheduled for ${formatDate(date)}`}</strong>
        {' – '}only signed-in authors and people with a preview link can read this.
      </p>
      {share}
    </div>
  )
}
