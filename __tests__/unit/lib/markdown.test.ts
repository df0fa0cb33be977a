import { extractHeadings, isValidPostSlug, plainText, readingMinutes, slugify } from '@/lib/markdown'

describe('slugs', () => {
  test('slugify folds case, punctuation and diacritics', () => {
    expect(slugify('Open Data')).toBe('open-data')
    expect(slugify('Hack Devon County Council!')).toBe('hack-devon-county-council')
    expect(slugify('Caffè Ŵyl')).toBe('caffe-wyl')
  })
  test('post slugs are lower-case words joined by single hyphens', () => {
    expect(isValidPostSlug('shifting-digital-sands')).toBe(true)
    for (const bad of ['Shifting', 'a--b', '-a', 'a_b', '../x', 'a'.repeat(201), '']) expect(isValidPostSlug(bad)).toBe(false)
  })
})

describe('headings', () => {
  test('h2 and h3 get the ids rehype-slug gives them, code blocks ignored', () => {
    const md = [
      '## 1. Champion open data',
      'text',
      '```',
      '## not a heading',
      '```',
      '### Don’t get *distracted*',
      '## So what next…',
      '## So what next…',
    ].join('\n')
    expect(extractHeadings(md)).toEqual([
      { depth: 2, text: '1. Champion open data', id: '1-champion-open-data' },
      { depth: 3, text: 'Don’t get distracted', id: 'dont-get-distracted' },
      { depth: 2, text: 'So what next…', id: 'so-what-next' },
      { depth: 2, text: 'So what next…', id: 'so-what-next-1' },
    ])
  })
})

describe('reading time', () => {
  test('rounds up to whole minutes, at least one', () => {
    expect(readingMinutes('word')).toBe(1)
    expect(readingMinutes(Array.from({ length: 1000 }, () => 'word').join(' '))).toBe(5)
  })
})

describe('plain text', () => {
  test('drops markup and keeps the words', () => {
    expect(plainText('<Figure caption="x" />\n\nSee [the page](https://e.org) **now**.\n\n1. One\n2. Two')).toBe('See the page now. One Two')
  })
})

describe('plain text keeps symbols that are words', () => {
  test('arrows, snake_case and quotes survive', () => {
    expect(plainText('> quoted\n\nx => y and snake_case_name and `code` and _em_')).toBe('quoted x => y and snake_case_name and code and em')
  })
})
