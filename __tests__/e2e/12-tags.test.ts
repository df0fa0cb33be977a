import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { get } from './helpers'

/** The fixture post field-notes-in-three-scripts carries these tags; their slugs keep the script (accents folded, as for Latin). */
const NON_LATIN_TAGS = ['远征手记', 'ελληνικα', 'кириллица']

function tagLinks(html: string): string[] {
  return [...new Set([...html.matchAll(/href="(\/tags\/[^"]+)"/g)].map((match) => match[1]))]
}

describe('tag pages in any script', () => {
  test('every tag that /tags links to answers 200 and lists its posts', async () => {
    const index = await get('/tags')
    assert.equal(index.status, 200)
    const links = tagLinks(index.text)
    for (const tag of NON_LATIN_TAGS) {
      assert.ok(
        links.some((link) => decodeURIComponent(link) === `/tags/${tag}`),
        `/tags links to ${tag}: ${links.join(' ')}`,
      )
    }
    for (const link of links) {
      const page = await get(link.replace(/&amp;/g, '&'))
      assert.equal(page.status, 200, `${decodeURIComponent(link)} answered ${page.status}`)
      assert.match(page.text, /<h1>Posts tagged/, link)
    }
  })

  test('a non-Latin tag answers 200 percent-encoded and as typed, and its post links to it', async () => {
    for (const tag of NON_LATIN_TAGS) {
      const page = await get(`/tags/${encodeURIComponent(tag)}`)
      assert.equal(page.status, 200, tag)
      assert.match(page.text, /Field notes in three scripts/, tag)
    }
    // Lower-case percent-encoding, as some clients send it, names the same tag.
    const lower = await get(`/tags/${encodeURIComponent('远征手记').toLowerCase()}`)
    assert.equal(lower.status, 200)
    const post = await get('/posts/field-notes-in-three-scripts')
    assert.equal(post.status, 200)
    const postLinks = tagLinks(post.text).map((link) => decodeURIComponent(link))
    assert.ok(postLinks.includes('/tags/远征手记'), postLinks.join(' '))
    const accented = await get('/tags/cafe-society')
    assert.equal(accented.status, 200)
  })
})
