/**
 * WordPress stores post bodies without <p> tags and adds them on display with
 * `wpautop()`. WordPress's own JavaScript port (@wordpress/autop, which the
 * block editor uses for classic content) gives the HTML parser the same
 * paragraphs and line breaks readers saw on the old site.
 */
import { autop as wordpressAutop } from '@wordpress/autop'

export function autop(html: string): string {
  if (!html.trim()) return ''
  return wordpressAutop(html)
}
