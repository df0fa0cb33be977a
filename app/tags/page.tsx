import Link from 'next/link'
import { getTags } from '@/lib/content'
import { pageMetadata } from '@/lib/metadata'

export const revalidate = 300

export const metadata = pageMetadata({ title: 'Tags', description: 'Every topic written about, with the number of posts.', path: '/tags' })

export default function TagsPage() {
  const tags = getTags()
  return (
    <>
      <h1>Tags</h1>
      <ul className="tag-index">
        {tags.map((tag) => (
          <li key={tag.slug}>
            <Link prefetch={false} href={`/tags/${tag.slug}`} className="tag">
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
