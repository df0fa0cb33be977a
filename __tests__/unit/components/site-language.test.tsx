/**
 * The site's frame and listings speak SITE_LANGUAGE: rendered here with
 * SITE_LANGUAGE=cy, as a Welsh site's build would, and with the default.
 * The config is read once, at import, so each language gets fresh modules.
 */
import type { ReactElement } from 'react'

type Frame = {
  SiteHeader: () => ReactElement
  SiteFooter: () => ReactElement
  Pagination: (props: { first: string; page: number; totalPages: number }) => ReactElement | null
  /** The interface's dates (the archive, the drafts table). */
  formatMonth: (iso: string) => string
  formatDate: (iso: string) => string
  /** The renderer from the same module registry as the components, so they share one React. */
  render: (element: ReactElement) => string
}

async function frameIn(language: string | undefined): Promise<Frame> {
  const saved = process.env.SITE_LANGUAGE
  if (language === undefined) delete process.env.SITE_LANGUAGE
  else process.env.SITE_LANGUAGE = language
  try {
    let frame: Frame | undefined
    await jest.isolateModulesAsync(async () => {
      const { SiteHeader, SiteFooter } = await import('@/components/layout')
      const { Pagination } = await import('@/components/post')
      const { renderToStaticMarkup } = await import('react-dom/server')
      const { formatDate, formatMonth } = await import('@/lib/content')
      frame = { SiteHeader, SiteFooter, Pagination, formatDate, formatMonth, render: renderToStaticMarkup }
    })
    return frame!
  } finally {
    if (saved === undefined) delete process.env.SITE_LANGUAGE
    else process.env.SITE_LANGUAGE = saved
  }
}

/** What a reader reads or hears: text, and the labels and placeholders of controls. */
function words(html: string): string {
  const attributes = [...html.matchAll(/(?:aria-label|placeholder|title)="([^"]*)"/g)].map((match) => match[1])
  return [html.replace(/<[^>]+>/g, ' '), ...attributes].join(' ').replace(/\s+/g, ' ')
}

const ENGLISH_WORDS =
  /\b(Skip|Posts|Tags|Archive|Search|Dark mode|RSS feed|Atom feed|JSON feed|Built with|Press|Newer|Older|Page \d|Pagination|Main)\b/

describe('with SITE_LANGUAGE=cy, the interface is Welsh', () => {
  let cy: Frame
  beforeAll(async () => {
    cy = await frameIn('cy')
  })

  test('the header: skip link, navigation, search form and theme switch', () => {
    const text = words(cy.render(<cy.SiteHeader />))
    for (const word of [
      'Neidio i’r prif gynnwys',
      'Cofnodion',
      'Tagiau',
      'Archif',
      'Chwilio’r wefan hon',
      'Chwilio',
      'Modd tywyll',
      'Prif ddewislen',
    ]) {
      expect(text).toContain(word)
    }
    expect(text).not.toMatch(ENGLISH_WORDS)
  })

  test('the footer: feeds, the archive, the shortcut switch and the credit', () => {
    const text = words(cy.render(<cy.SiteFooter />))
    for (const word of [
      'Ffrwd RSS',
      'Ffrwd Atom',
      'Ffrwd JSON',
      'Archif',
      'Adeiladwyd gyda Sandbank',
      'Pwyswch',
      'i chwilio: ymlaen',
      'Diffodd y llwybr byr /',
    ]) {
      expect(text).toContain(word)
    }
    expect(text).not.toMatch(ENGLISH_WORDS)
  })

  test('pagination', () => {
    const text = words(cy.render(<cy.Pagination first="/" page={2} totalPages={3} />))
    expect(text).toContain('Cofnodion mwy newydd')
    expect(text).toContain('Tudalen 2 o 3')
    expect(text).toContain('Cofnodion hŷn')
    expect(text).toContain('Tudalennau')
    expect(text).not.toMatch(ENGLISH_WORDS)
  })

  test("the archive's months and the interface's dates", () => {
    expect(cy.formatMonth('2014-03-24T00:00:00.000Z')).toBe('Mawrth 2014')
    expect(cy.formatDate('2014-03-24T00:00:00.000Z')).toBe('24 Mawrth 2014')
  })
})

describe('by default (en-GB), the interface is English', () => {
  let en: Frame
  beforeAll(async () => {
    en = await frameIn(undefined)
  })

  test('the header, the footer and pagination', () => {
    expect(words(en.render(<en.SiteHeader />))).toMatch(/Skip to main content.*Posts.*Tags.*Archive/)
    expect(words(en.render(<en.SiteFooter />))).toContain('Built with Sandbank')
    expect(words(en.render(<en.Pagination first="/" page={2} totalPages={3} />))).toContain('Page 2 of 3')
    expect(en.formatMonth('2014-03-24T00:00:00.000Z')).toBe('March 2014')
  })
})
