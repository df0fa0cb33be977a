import {
  DICTIONARIES,
  LanguageTagError,
  canonicalLanguageTag,
  dictionaryFor,
  duplicateTranslations,
  formatDateIn,
  formatMonthIn,
  formatNumber,
  interpolate,
  languageName,
  listingChoice,
  nativeLanguageName,
  oneOfEachTranslation,
  plural,
  pluralCategories,
  textDirection,
  translationGroups,
  translationsOf,
  warnMissingDictionaries,
  type Dictionary,
  type Plural,
} from '@/lib/i18n'

type Leaf = { path: string; value: string | Plural }

const isPlural = (value: unknown): value is Plural => typeof value === 'object' && value !== null && 'other' in value

/** Every message of a dictionary, by its dotted path. */
function leaves(node: unknown, prefix = ''): Leaf[] {
  if (typeof node === 'string' || isPlural(node)) return [{ path: prefix, value: node }]
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key))
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort()
const formsOf = (value: string | Plural) => (typeof value === 'string' ? [value] : Object.values(value))

/** Words that are the same in Welsh: names, and what the interface shows literally. */
const SAME_IN_WELSH = new Set(['language'])

describe('dictionaries', () => {
  const english = leaves(DICTIONARIES['en-GB'])

  it.each(Object.keys(DICTIONARIES))('%s has every message of en-GB, with the same placeholders, and no empty form', (tag) => {
    const dictionary = DICTIONARIES[tag]
    const byPath = new Map(leaves(dictionary).map((leaf) => [leaf.path, leaf.value]))
    expect([...byPath.keys()].sort()).toEqual(english.map((leaf) => leaf.path).sort())
    for (const { path, value } of english) {
      const translated = byPath.get(path)!
      const wanted = placeholders(isPlural(value) ? value.other : value)
      for (const form of formsOf(translated)) {
        expect(form.trim()).not.toBe('')
        // A plural form may spell its number out and leave {count} out, but no other value, and may add none.
        const used = new Set(placeholders(form))
        if (isPlural(translated) && wanted.includes('count')) used.add('count')
        expect({ path, placeholders: [...used].sort() }).toEqual({ path, placeholders: wanted })
      }
    }
  })

  it.each(Object.keys(DICTIONARIES))("%s has a form for each of its language's plural categories", (tag) => {
    const dictionary = DICTIONARIES[tag]
    const categories = pluralCategories(dictionary.language)
    for (const { path, value } of leaves(dictionary)) {
      if (typeof value === 'string') continue
      expect({ path, categories: Object.keys(value).sort() }).toEqual({ path, categories: [...categories].sort() })
    }
  })

  it('Welsh is complete: all six plural categories, and every message translated', () => {
    expect(pluralCategories('cy').sort()).toEqual(['few', 'many', 'one', 'other', 'two', 'zero'])
    const welsh = new Map(leaves(DICTIONARIES.cy).map((leaf) => [leaf.path, leaf.value]))
    const untranslated = english
      .filter(({ path, value }) => !SAME_IN_WELSH.has(path) && JSON.stringify(welsh.get(path)) === JSON.stringify(value))
      .map((leaf) => leaf.path)
    expect(untranslated).toEqual([])
    expect(DICTIONARIES.cy.language).toBe('cy')
  })

  it('Welsh numbers mutate the noun after them, by plural category', () => {
    const posts = (count: number) => plural(DICTIONARIES.cy.listings.postCount, count, 'cy')
    expect([0, 1, 2, 3, 4, 6, 11].map(posts)).toEqual(['0 cofnod', '1 cofnod', '2 gofnod', '3 chofnod', '4 cofnod', '6 chofnod', '11 cofnod'])
    expect(plural(DICTIONARIES.cy.dates.readingTime, 2, 'cy')).toBe('2 funud o ddarllen')
    expect(plural(DICTIONARIES['en-GB'].listings.postCount, 1, 'en-GB')).toBe('1 post')
    expect(plural(DICTIONARIES['en-GB'].search.results, 1234, 'en-GB', { query: 'data' })).toBe('1,234 results for “data”')
  })
})

describe('dictionaryFor', () => {
  it('finds a language by its tag or its language without the region, else falls back to British English', () => {
    expect(dictionaryFor('cy').language).toBe('cy')
    expect(dictionaryFor('cy-GB').language).toBe('cy')
    expect(dictionaryFor('en-US').language).toBe('en-GB')
    expect(dictionaryFor('fa').language).toBe('en-GB')
    expect(dictionaryFor('zh-Hans').language).toBe('en-GB')
  })

  it('warns once per language that has no dictionary, and not for those that do', () => {
    const warnings: string[] = []
    const missing = warnMissingDictionaries(['fa', 'en-GB', 'cy', 'zh-Hans', 'FA', 'cy-GB'], (message) => warnings.push(message))
    expect(missing).toEqual(['fa', 'zh-Hans'])
    expect(warnings).toHaveLength(2)
    expect(warnings[0]).toMatch(/Language "fa" has no interface dictionary .* English \(en-GB\)/)
  })
})

describe('language tags', () => {
  it('canonicalises tags and refuses what is not one', () => {
    expect(canonicalLanguageTag('EN-gb')).toBe('en-GB')
    expect(canonicalLanguageTag(' cy ')).toBe('cy')
    expect(canonicalLanguageTag('zh-hans-cn')).toBe('zh-Hans-CN')
    expect(canonicalLanguageTag('iw')).toBe('he')
    for (const bad of ['', 'english', 'en_GB', 'e', 'en--GB', '<script>', 'en-GB-u-ca-islamic', 'x-private']) {
      expect(() => canonicalLanguageTag(bad)).toThrow(LanguageTagError)
    }
  })

  it('knows right-to-left languages from their script, named or likely', () => {
    const rtl = [
      'fa',
      'fa-IR',
      'ar',
      'ar-EG',
      'ur',
      'he',
      'yi',
      'ps',
      'ckb',
      'sd',
      'ug',
      'dv',
      'syr',
      'pa-Arab',
      'pa-PK',
      'az-Arab',
      'ms-Arab',
      'ku-Arab',
    ]
    const ltr = ['en-GB', 'cy', 'zh-Hans', 'zh-TW', 'ja', 'ko', 'pa', 'az', 'ms', 'ku', 'sr-Cyrl', 'tr', 'ha', 'uz-Latn', 'qaa']
    expect(rtl.filter((tag) => textDirection(tag) !== 'rtl')).toEqual([])
    expect(ltr.filter((tag) => textDirection(tag) !== 'ltr')).toEqual([])
  })

  it('names languages in their own language and in another', () => {
    expect(nativeLanguageName('cy')).toBe('Cymraeg')
    expect(nativeLanguageName('en-GB')).toBe('British English')
    expect(nativeLanguageName('fa')).toBe('فارسی')
    expect(languageName('cy', 'en-GB')).toBe('Welsh')
    expect(languageName('en', 'cy')).toBe('Saesneg')
  })
})

describe('dates and numbers in the document language', () => {
  it('writes the same day in each language', () => {
    expect(formatDateIn('2024-03-05T00:00:00.000Z', 'en-GB')).toBe('5 March 2024')
    expect(formatDateIn('2024-03-05T00:00:00.000Z', 'cy')).toBe('5 Mawrth 2024')
    expect(formatMonthIn('2024-03-05T00:00:00.000Z', 'cy')).toBe('Mawrth 2024')
    // Persian readers' own calendar and digits.
    expect(formatDateIn('2024-03-05T00:00:00.000Z', 'fa')).toBe('۱۵ اسفند ۱۴۰۲')
    expect(formatDateIn('2024-03-05T00:00:00.000Z', 'zh-Hans')).toBe('2024年3月5日')
  })

  it('writes numbers in the language’s digits', () => {
    expect(formatNumber(1234, 'cy')).toBe('1,234')
    expect(formatNumber(1234, 'fa')).toBe('۱٬۲۳۴')
  })
})

describe('interpolate', () => {
  it('cuts a sentence at its placeholders, in the order the language puts them', () => {
    const link = (name: string) => ({ link: name })
    const { notFound } = DICTIONARIES.cy as Dictionary
    expect(interpolate(notFound.elsewhere, { search: link('search'), archive: link('archive'), home: link('home') })).toEqual([
      'Gallwch ',
      { link: 'search' },
      ', pori’r ',
      { link: 'archive' },
      ' neu fynd i’r ',
      { link: 'home' },
      '.',
    ])
    expect(interpolate('{a}{b} and {unknown}', { a: 1, b: 2 })).toEqual([1, 2, ' and {unknown}'])
  })
})

describe('translations', () => {
  type Doc = { slug: string; lang: string; translationKey?: string }
  const newestFirst: Doc[] = [
    { slug: 'data-agored', lang: 'cy', translationKey: 'open-data' },
    { slug: 'solo', lang: 'en-GB' },
    { slug: 'open-data', lang: 'en-GB', translationKey: 'open-data' },
    { slug: 'dadeh', lang: 'fa', translationKey: 'budget' },
    { slug: 'budget', lang: 'en-US', translationKey: 'budget' },
  ]

  it('a listing shows each text once, in the site’s language where there is one, else the newest', () => {
    expect(oneOfEachTranslation(newestFirst, 'en-GB').map((doc) => doc.slug)).toEqual(['solo', 'open-data', 'budget'])
    expect(oneOfEachTranslation(newestFirst, 'cy').map((doc) => doc.slug)).toEqual(['data-agored', 'solo', 'dadeh'])
    expect(listingChoice(newestFirst.slice(3), 'fa-IR').slug).toBe('dadeh')
  })

  it('each translation names the others, itself first', () => {
    const groups = translationGroups(newestFirst)
    expect(translationsOf(newestFirst[2], groups).map((doc) => doc.slug)).toEqual(['open-data', 'data-agored'])
    expect(translationsOf(newestFirst[0], groups).map((doc) => doc.slug)).toEqual(['data-agored', 'open-data'])
    expect(translationsOf(newestFirst[1], groups).map((doc) => doc.slug)).toEqual(['solo'])
  })

  it('finds two documents of one text in the same language', () => {
    const twins = duplicateTranslations([...newestFirst, { slug: 'data-agored-2', lang: 'CY', translationKey: 'open-data' }])
    expect(twins.map(([a, b]) => [a.slug, b.slug])).toEqual([['data-agored', 'data-agored-2']])
    expect(duplicateTranslations(newestFirst)).toEqual([])
  })
})
