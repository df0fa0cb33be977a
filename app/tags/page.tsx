import { Link } from '@/components/Link'
import { getTags } from '@/lib/content/server'
import { TAGS, tagUrl } from '@/lib/routes'
import { pageMetadata } from '@/lib/seo'

export const revalidate = 300

export const metadata = pageMetadata({ title: 'Tags', description: 'Every topic written about, with the number of posts.', path: TAGS })

export default function TagsPage() {
  const tags = getTags()
  return (
    <>
      <h1>Tags</h1>
      <ul className="tag-index">
        {tags.map((tag) => (
          <li key={tag.slug}>
            <Link href={tagUrl(tag.slug)} className="tag">
              {tag.name} <span className="visually-hidden">(</span>
              {tag.count}
              <span className="visually-hidden"> {tag.count === 1 ? 'post' : 'posts'})</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  )
}
