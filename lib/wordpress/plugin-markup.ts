/**
 * Posts written for a formatting plugin: WordPress stored the author's Textile
 * or Markdown and the plugin turned it into HTML when the page was shown (in
 * place of wpautop). Such a body is recognised by markup that HTML prose never
 * holds, and converted with a maintained parser: textile-js for Textile,
 * micromark (the parser under remark) with GFM for Markdown.
 */
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import textile from 'textile-js'

export type PluginMarkup = 'textile' | 'markdown'

const lines = (text: string, pattern: RegExp) => text.split('\n').filter((line) => pattern.test(line)).length

/** Which plugin's markup a classic body is written in, if any. Code is left out: it shows markup as written. */
export function pluginMarkup(body: string): PluginMarkup | undefined {
  const text = body.replace(/<(pre|code)\b[\s\S]*?<\/\1>/gi, '').replace(/```[\s\S]*?```/g, '```')
  // Textile: block signatures (h2. / bq. / p(class).), "text":url links and !image! pictures.
  const textileBlocks = lines(text, /^(h[1-6]|bq|p|fn\d+|bc|pre)(\([^)]*\)|\{[^}]*\}|[<>=]+)*\.\s/)
  const textileInline = (text.match(/"[^"\n]+":(https?:\/\/|\/)\S+|(^|\s)!(https?:\/\/|\/)[^!\s]+!/g) ?? []).length
  if (textileBlocks + textileInline >= 2 || textileBlocks >= 1) return 'textile'
  // Markdown: ATX headings, [text](url) links, fenced code, with little HTML block markup around them.
  const htmlBlocks = (text.match(/<(p|div|h[1-6]|ul|ol|table|blockquote)\b/gi) ?? []).length
  const markdownSigns =
    lines(text, /^#{1,6} \S/) + (text.match(/\[[^\]\n]+\]\((https?:\/\/|\/)[^)\s]+\)/g) ?? []).length + (body.match(/^```/gm) ?? []).length / 2
  if (markdownSigns >= 2 && htmlBlocks === 0) return 'markdown'
  return undefined
}

/** The HTML the plugin showed readers. */
export function pluginHtml(body: string, markup: PluginMarkup): string {
  if (markup === 'textile') return textile(body.replace(/\r\n?/g, '\n'))
  return micromark(body, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] })
}
