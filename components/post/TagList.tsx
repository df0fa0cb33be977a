import { Link } from '@/components/Link'
import { slugify } from '@/lib/markdown'
import { tagUrl } from '@/lib/routes'

export function TagList({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null
  return (
    <ul className="tag-list" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag}>
          <Link href={tagUrl(slugify(tag))} className="tag">
            {tag}
          </Link>
        </li>
      ))}
    </ul>
  )
}
