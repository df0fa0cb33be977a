import { createSearchIndex, indexDocuments, loadSearchEngine, saveSearchEngine, searchIndex, type SearchDocument } from '@/lib/search'
import { analysingLanguage, foldWord, indexTerms, queryTerms, segmentWords, tokenize } from '@/lib/search/analysis'

function document(id: string, lang: string | undefined, text: string, fields: Partial<SearchDocument> = {}): SearchDocument {
  return { id, lang, title: id, summary: '', tags: [], text, ...fields }
}

const ZWNJ = '\u200c'

const welsh = document(
  '/posts/data-agored',
  'cy',
  'Rydym yn datblygu gwasanaethau digidol gyda’r cyngor, ac yn cyhoeddi data agored bob mis. Mae’r tîm yn cynllunio’r gwaith nesaf.',
)
const english = document('/posts/open-data', 'en-GB', 'We are developing digital services with the council, and publishing open data every month.')
const persian = document(
  '/posts/dadeh-baz',
  'fa',
  `ما می${ZWNJ}خواهیم داده${ZWNJ}های باز شهرداری را منتشر کنیم. کتابخانه‌ی عمومی و سامانه‌های دیجیتال برای همه است.`,
)
const chinese = document('/posts/shuju', 'zh-Hans', '我们正在推进数字化政府服务的开放数据项目，每个月发布一次。')
const japanese = document('/posts/dejitaru', 'ja', '地方自治体のデジタル化を進めています。公開データを毎月発表します。')
const documents = [welsh, english, persian, chinese, japanese]

const ids = (query: string, docs: readonly SearchDocument[] = documents) => searchIndex(createSearchIndex(docs), query).results.map((hit) => hit.id)

describe('segmentation of Chinese and Japanese', () => {
  test('a run written without spaces is cut into dictionary words', () => {
    expect(segmentWords('我们正在推进数字化政府服务的开放数据项目')).toEqual([
      '我们',
      '正在',
      '推进',
      '数字',
      '化',
      '政府',
      '服务',
      '的',
      '开放',
      '数据',
      '项目',
    ])
    expect(tokenize('开放数据 and open data')).toEqual(['开放', '数据', 'and', 'open', 'data'])
    expect(tokenize('地方自治体のデジタル化')).toEqual(['地方自治体', 'の', 'デジタル', '化'])
  })

  test('text without those scripts is tokenised as before, word by word', () => {
    expect(tokenize('Café, CAFE; ŵyr-ŷd 2014')).toEqual(['Café', 'CAFE', 'ŵyr', 'ŷd', '2014'])
  })

  test('a two-character word finds its post, as a query of its own or inside a longer one', () => {
    expect(ids('数据')).toEqual(['/posts/shuju'])
    expect(ids('开放')).toEqual(['/posts/shuju'])
    expect(ids('数字')).toEqual(['/posts/shuju'])
    expect(ids('政府服务')).toEqual(['/posts/shuju'])
    expect(ids('データ')).toEqual(['/posts/dejitaru'])
    // The segmenter keeps the compound 地方自治体 whole; its second half still finds it.
    expect(ids('自治体')).toEqual(['/posts/dejitaru'])
    expect(analysingLanguage('ja', () => indexTerms('地方自治体'))).toEqual(['地方自治体', '方自治体', '自治体', '治体'])
  })

  test('its snippet marks the word inside the sentence', () => {
    const [hit] = searchIndex(createSearchIndex(documents), '数据').results
    expect(hit.snippet).toContain('<mark>数据</mark>')
    expect(hit.lang).toBe('zh-Hans')
  })
})

describe('normalising Persian and Arabic', () => {
  test('Arabic kaf and yeh are Persian keheh and yeh, teh marbuta and heh variants are heh, vowels and tatweel go', () => {
    expect(foldWord('كتابخانه')).toBe(foldWord('کتابخانه'))
    expect(foldWord('سامانهاي')).toBe(foldWord('سامانهای'))
    expect(foldWord('مدرسة')).toBe('مدرسه')
    expect(foldWord('كِتَاب')).toBe('کتاب')
    expect(foldWord('كـــتاب')).toBe('کتاب')
    expect(foldWord('أحمد')).toBe('احمد')
    expect(foldWord('۱۴۰۲')).toBe('1402')
    expect(foldWord('١٤٠٢')).toBe('1402')
  })

  test('a zero-width non-joiner is indexed joined and as its parts, and a query may type it either way', () => {
    expect(analysingLanguage('fa', () => indexTerms(`می${ZWNJ}خواهیم`))).toEqual(['میخواهیم', 'می', 'خواهیم'])
    for (const query of [`می${ZWNJ}خواهیم`, 'میخواهیم', 'می خواهیم', 'خواهیم']) expect(ids(query)).toEqual(['/posts/dadeh-baz'])
  })

  test('a word typed on an Arabic keyboard finds the Persian spelling, and the other way round', () => {
    expect(ids('كتابخانه')).toEqual(['/posts/dadeh-baz'])
    expect(ids('سامانه‌هاي')).toEqual(['/posts/dadeh-baz'])
    const arabicSpelling = document('/posts/arabic', 'ar', 'مكتبة عامة في المدينة')
    expect(ids('مکتبه', [arabicSpelling])).toEqual(['/posts/arabic'])
  })

  test('a Persian snippet marks the word it matched', () => {
    const [hit] = searchIndex(createSearchIndex(documents), 'خواهیم').results
    expect(hit.snippet).toContain(`<mark>می${ZWNJ}خواهیم</mark>`)
    expect(hit.lang).toBe('fa')
  })
})

describe('stemming follows the document language', () => {
  test('English is indexed with Porter stems; Welsh and Persian only as written', () => {
    expect(analysingLanguage('en-GB', () => indexTerms('developing'))).toEqual(['developing', 'develop'])
    expect(analysingLanguage('cy', () => indexTerms('gwasanaethau'))).toBe('gwasanaethau')
    expect(analysingLanguage('cy', () => indexTerms('datblygu'))).toBe('datblygu')
    expect(analysingLanguage('fa', () => indexTerms('services'))).toBe('services')
    // A document with no language is English, as every index was before languages.
    expect(analysingLanguage(undefined, () => indexTerms('developing'))).toEqual(['developing', 'develop'])
  })

  test('each language drops its own stop words and keeps the other’s', () => {
    expect(analysingLanguage('cy', () => indexTerms('yn'))).toBeNull()
    expect(analysingLanguage('cy', () => indexTerms('the'))).toBe('the')
    expect(analysingLanguage('en-GB', () => indexTerms('the'))).toBeNull()
    expect(analysingLanguage('en-GB', () => indexTerms('mae'))).toBe('mae')
  })

  test('a Welsh word finds the Welsh post, and an English stem does not reach into Welsh words', () => {
    expect(ids('datblygu')).toEqual(['/posts/data-agored'])
    expect(ids('gwasanaethau')).toEqual(['/posts/data-agored'])
    expect(ids('cynllunio')).toEqual(['/posts/data-agored'])
    // "developing" finds English by its stem; Welsh "datblygu" is not an inflection of anything English.
    expect(ids('developed')).toEqual(['/posts/open-data'])
  })

  test('the language survives saving and loading the index, so a post added later is analysed in its own', async () => {
    const engine = indexDocuments([english])
    const files = [...saveSearchEngine(engine, 10)]
    const header = files.find((file) => file.name.endsWith('header.json'))!.content
    const terms = files.filter((file) => !file.name.endsWith('header.json')).map((file) => file.content)
    const loaded = await loadSearchEngine(
      header,
      async (n) => terms[n],
      async () => {},
    )
    loaded.add(welsh)
    const index = { engine: loaded, documents: new Map([english, welsh].map((d) => [d.id, d])), textOf: () => '' }
    expect(searchIndex(index, 'datblygu').results.map((hit) => hit.id)).toEqual(['/posts/data-agored'])
    expect(searchIndex(index, 'develop').results.map((hit) => hit.id)).toEqual(['/posts/open-data'])
  })
})

describe('queries', () => {
  test('Chinese words are prefix-matched wherever they are and never typo-expanded', () => {
    expect(queryTerms('开放数据')).toEqual([
      { term: '开放', prefix: true, fuzzy: 0 },
      { term: '数据', prefix: true, fuzzy: 0 },
    ])
  })

  test('Welsh stop words are dropped from a query as English ones are', () => {
    expect(queryTerms('data yn agored').map((term) => term.term)).not.toContain('yn')
    expect(queryTerms('data the agored').map((term) => term.term)).not.toContain('the')
  })
})
