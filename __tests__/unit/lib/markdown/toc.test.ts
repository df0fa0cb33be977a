import { contentsOutline, type TocHeading } from '@/lib/markdown'

const h = (depth: 2 | 3, text: string): TocHeading => ({ depth, text, id: text.toLowerCase() })

describe('the contents outline', () => {
  test('each h3 is an entry under the h2 before it, not a top-level entry', () => {
    expect(contentsOutline([h(2, 'A'), h(3, 'A1'), h(3, 'A2'), h(2, 'B'), h(2, 'C'), h(3, 'C1')])).toEqual([
      { ...h(2, 'A'), children: [h(3, 'A1'), h(3, 'A2')].map((x) => ({ ...x, children: [] })) },
      { ...h(2, 'B'), children: [] },
      { ...h(2, 'C'), children: [{ ...h(3, 'C1'), children: [] }] },
    ])
  })

  test('an h3 before the first h2 has no heading to belong to, so it stands at the top level', () => {
    expect(contentsOutline([h(3, 'Lead'), h(2, 'A'), h(3, 'A1')])).toEqual([
      { ...h(3, 'Lead'), children: [] },
      { ...h(2, 'A'), children: [{ ...h(3, 'A1'), children: [] }] },
    ])
  })
})
