/** What a page's MDX may name from the rest of the content (components/mdx's PageData): server-only, as it reads the store. */
import 'server-only'
import { postUrl } from '../routes'
import { getPostsWithoutTextAlternatives } from './posts'

export function pageData(now: Date = new Date()) {
  return {
    postsWithoutAlt: getPostsWithoutTextAlternatives(now).map((post) => ({ title: post.title, url: postUrl(post), count: post.imagesWithoutAlt ?? 0 })),
  }
}
