import { extractHeadings, isValidPostSlug, plainText, readingMinutes, readMarkdown, slugify } from '@/lib/markdown'

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

describe('headings from the syntax tree', () => {
  test('underlined (setext) headings count, as the page shows them', () => {
    expect(extractHeadings('Why\n===\n\nFirst steps\n-----------\n\nText.\n\nThen *more*\n---')).toEqual([
      { depth: 2, text: 'First steps', id: 'first-steps' },
      { depth: 2, text: 'Then more', id: 'then-more' },
    ])
  })
  test('a heading inside a JSX element is a heading of the page, and takes its slug in order', () => {
    const md = ['## Before', '', '<Callout>', '', '## Inside the callout', '', 'Text.', '', '</Callout>', '', '## Before'].join('\n')
    expect(extractHeadings(md)).toEqual([
      { depth: 2, text: 'Before', id: 'before' },
      { depth: 2, text: 'Inside the callout', id: 'inside-the-callout' },
      { depth: 2, text: 'Before', id: 'before-1' },
    ])
  })
  test('a heading with a link, code or an image reads as its words', () => {
    expect(extractHeadings('## See [the `map`](https://e.org) now')).toEqual([{ depth: 2, text: 'See the map now', id: 'see-the-map-now' }])
  })
})

describe('plain text from the syntax tree', () => {
  test("a figure's caption is text; its credit, source and alt attributes are not", () => {
    const md = '<Figure caption="Boats at the quay" credit="https://e.org/x" src="./quay.jpg" alt="Three boats" />\n\nAfter.'
    expect(plainText(md)).toBe('Boats at the quay After.')
  })
  test('imports, exports and {expressions} are code, not words; text inside JSX elements is', () => {
    expect(plainText("import { X } from './x'\n\nexport const y = 1\n\nA {1 + 1} b.\n\n<Note>\n\nInside.\n\n</Note>")).toBe('A b. Inside.')
  })
  test('code is searchable but not read at reading speed', () => {
    const code = ['```', ...Array.from({ length: 400 }, () => 'word word word'), '```'].join('\n')
    const md = `Intro.\n\n${code}`
    expect(plainText(md)).toContain('word word')
    expect(readingMinutes(md)).toBe(1)
  })
  test('tables, quotes and lists read as their words, a space between blocks', () => {
    expect(plainText('| a | b |\n| - | - |\n| one | two |\n\n> Quoted\n> on.\n\n- x\n- y')).toBe('a b one two Quoted on. x y')
  })
  test('one parse gives headings, text and reading time together', () => {
    const facts = readMarkdown('## Title\n\nSome words.')
    expect(facts).toEqual({ headings: [{ depth: 2, text: 'Title', id: 'title' }], text: 'Title Some words.', readingMinutes: 1 })
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
    // A figure's caption is printed under it, so it is searchable text (issue 20; it used to be dropped).
    expect(plainText('<Figure caption="x" />\n\nSee [the page](https://e.org) **now**.\n\n1. One\n2. Two')).toBe('x See the page now. One Two')
  })
})

describe('plain text keeps symbols that are words', () => {
  test('arrows, snake_case and quotes survive', () => {
    expect(plainText('> quoted\n\nx => y and snake_case_name and `code` and _em_')).toBe('quoted x => y and snake_case_name and code and em')
  })
})
