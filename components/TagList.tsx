import Link from 'next/link'
import { tagUrl } from '@/lib/content'

export function TagList({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null
  return (
    <ul className="tag-list" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag}>
          <Link prefetch={false} href={tagUrl(tag)} className="tag">
            {tag}
          </Link>
        </li>
      ))}
    </ul>
  )
}
