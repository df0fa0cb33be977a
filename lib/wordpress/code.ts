import type { Element, ElementContent } from 'hast'
import type { Code } from 'mdast'
import type { RawCode } from './context'
import { shortcodeAttributes } from './shortcodes'

/**
 * Names syntax-highlighter plugins used for languages, mapped to the names
 * Shiki (rehype-pretty-code) knows. Unknown names are kept: they still fence the code.
 */
const LANGUAGE_ALIASES: Record<string, string> = {
  jscript: 'javascript',
  'c-sharp': 'csharp',
  'c#': 'csharp',
  'c++': 'cpp',
  shell: 'bash',
  sh: 'bash',
  xhtml: 'html',
  xslt: 'xml',
  plain: 'text',
  plaintext: 'text',
  none: 'text',
  text: 'text',
  py: 'python',
  rb: 'ruby',
  pl: 'perl',
  ps: 'powershell',
  as3: 'actionscript-3',
  delphi: 'pascal',
  vbnet: 'vb',
}

/** A language name fit for a code fence's info string, or undefined. */
export function normaliseLanguage(name: unknown): string | undefined {
  if (typeof name !== 'string') return undefined
  const lower = name.trim().toLowerCase()
  if (!/^[a-z0-9#+._-]{1,40}$/.test(lower)) return undefined
  const mapped = LANGUAGE_ALIASES[lower] ?? lower
  return mapped === 'text' ? undefined : mapped
}

const ENTITY = /&(?:lt|gt|amp|quot|#0*39|#x0*27|#0*60|#0*62|apos);/i
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

function decodeBasicEntities(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-f]+|#\d+);/gi, (entity, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1)))
    return ENTITIES[name.toLowerCase()]
  })
}

/**
 * Plugins showed the code inside `<pre lang>` and `[code]` as written. When the
 * visual editor saved it, it escaped `<` and `&`; raw code has a literal `<`
 * or none of those entities. `escaped="true"` (WP-Syntax) says so outright.
 */
function codeText(raw: string, attributes: Record<string, string>): string {
  const escaped = attributes.escaped === 'true' || (!/[<>]/.test(raw) && ENTITY.test(raw))
  const text = escaped ? decodeBasicEntities(raw) : raw
  // A newline right after the opening tag is not part of the code (HTML drops it too).
  return text
    .replace(/^\r?\n/, '')
    .replace(/\r?\n[ \t]*$/, '')
    .replace(/\r\n?/g, '\n')
}

function languageOf(attributes: Record<string, string>): string | undefined {
  const brush = /(?:^|\s)(?:brush:\s*|lang:|language-|lang-)([\w#+.-]+)/.exec(attributes.class ?? '')?.[1]
  return normaliseLanguage(attributes.lang ?? attributes.language ?? brush ?? attributes['data-lang'])
}

/** `<pre data-wp-code="N">` stands for `found[N]`; autop treats it as the block it is. */
function placeholder(found: RawCode[], code: RawCode): string {
  found.push(code)
  return `<pre data-wp-code="${found.length - 1}"></pre>`
}

/**
 * Sets aside code that plugins showed verbatim: `<pre lang="…">`,
 * `<pre class="brush: …">`, `[code]`/`[sourcecode]` shortcodes. Must run
 * before autop and the HTML parser, which would turn `<App/>` into a tag.
 */
export function extractRawCode(html: string, found: RawCode[]): string {
  let text = html.replace(/<pre\b([^>]*)>([\s\S]*?)<\/pre>/gi, (whole, attributeText: string, inner: string) => {
    const attributes = shortcodeAttributes(attributeText)
    const isPluginCode = 'lang' in attributes || 'escaped' in attributes || /(?:^|\s)(brush:|lang:)/.test(attributes.class ?? '')
    if (!isPluginCode) return whole
    return placeholder(found, { code: codeText(inner, attributes), lang: languageOf(attributes) })
  })
  text = text.replace(/\[(code|sourcecode)\b([^\]]*)\]([\s\S]*?)\[\/\1\]/gi, (_, _name, attributeText: string, inner: string) => {
    const attributes = shortcodeAttributes(attributeText)
    return placeholder(found, { code: codeText(inner, attributes), lang: languageOf(attributes) })
  })
  return text
}

/** A language named on `<pre>` or `<code>` by class (`language-js`, `lang-js`) or attribute. */
function elementLanguage(element: Element | undefined): string | undefined {
  if (!element) return undefined
  const classes = Array.isArray(element.properties.className) ? element.properties.className.map(String) : []
  const fromClass = classes.map((name) => /^(?:language|lang)-(.+)$/.exec(name)?.[1]).find(Boolean)
  return normaliseLanguage(fromClass ?? element.properties.lang ?? element.properties.dataLang)
}

/** Text as a `<pre>` shows it: `<br>` is a newline, every space is kept. */
export function preText(node: ElementContent): string {
  if (node.type === 'text') return node.value
  if (node.type !== 'element') return ''
  if (node.tagName === 'br') return '\n'
  return node.children.map(preText).join('')
}

/**
 * A `<pre>` as a fenced code block. Text comes from the parsed HTML, so
 * entities are decoded and `<br>` is a newline; leading white space is kept.
 */
export function preToCode(pre: Element, found: RawCode[], language?: unknown): Code {
  const index = pre.properties.dataWpCode
  if (index !== undefined && found[Number(index)]) {
    const raw = found[Number(index)]
    return { type: 'code', lang: normaliseLanguage(language) ?? raw.lang ?? null, meta: null, value: raw.code }
  }
  const code = pre.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code')
  const value = preText(pre).replace(/\n+$/, '')
  return { type: 'code', lang: normaliseLanguage(language) ?? elementLanguage(code) ?? elementLanguage(pre) ?? null, meta: null, value }
}
