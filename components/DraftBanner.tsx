import { formatDate } from '@/lib/dates'
import { ShareLinkButton } from './ShareLinkButton'

type Props = { slug: string; state: 'draft' | 'scheduled'; date: string; canShare: boolean }

export function DraftBanner({ slug, state, date, canShare }: Props) {
  return (
    <div className="banner" role="note" aria-label="Preview">
      <p>
        <strong>{state === 'draft' ? 'Draft' : `Scheduled for ${formatDate(date)}`}</strong>
        {' – '}only signed-in authors and people with a preview link can read this.
      </p>
      {canShare ? <ShareLinkButton slug={slug} /> : null}
    </div>
  )
}
