/** JSON text with `<` escaped, so no string in it can close a <script> element or read as markup if sniffed as HTML. */
export function jsonForHtml(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c')
}
