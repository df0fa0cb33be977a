/**
 * Messages: plain strings with `{name}` placeholders, and plural messages
 * with one form per CLDR plural category the language uses (Welsh uses all
 * six: zero, one, two, few, many, other). Intl.PluralRules chooses the form;
 * docs/languages.md says why no message-format library is used.
 */

export type PluralCategory = Intl.LDMLPluralRule

/** One form per category; `other` is the one every language has. */
export type Plural = Partial<Record<PluralCategory, string>> & { other: string }

export type MessageValues = Record<string, string | number>

const PLACEHOLDER = /\{(\w+)\}/g

const pluralRules = new Map<string, Intl.PluralRules>()
const numberFormats = new Map<string, Intl.NumberFormat>()

function rulesFor(language: string): Intl.PluralRules {
  let rules = pluralRules.get(language)
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)))
  return rules
}

/** A number as the language writes it: `1,234` in English and Welsh, `۱٬۲۳۴` in Persian. */
export function formatNumber(value: number, language: string): string {
  let format = numberFormats.get(language)
  if (!format) numberFormats.set(language, (format = new Intl.NumberFormat(language)))
  return format.format(value)
}

/** The categories a language's plural messages must have a form for. */
export function pluralCategories(language: string): PluralCategory[] {
  return rulesFor(language).resolvedOptions().pluralCategories as PluralCategory[]
}

function valueText(value: string | number, language: string): string {
  return typeof value === 'number' ? formatNumber(value, language) : value
}

/** Fills `{name}` placeholders; numbers are written in the language's digits and separators. */
export function format(message: string, values: MessageValues, language: string): string {
  return message.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? valueText(values[name], language) : whole))
}

/** The form for `count`, filled: `{count}` and any other values. */
export function plural(forms: Plural, count: number, language: string, values: MessageValues = {}): string {
  const form = forms[rulesFor(language).select(count)] ?? forms.other
  return format(form, { ...values, count }, language)
}

/**
 * A message cut at its placeholders, each replaced by what `parts` gives for
 * its name: for sentences with links in them, which a page renders as elements.
 */
export function interpolate<T>(message: string, parts: Record<string, T>): (string | T)[] {
  const pieces: (string | T)[] = []
  let at = 0
  for (const match of message.matchAll(PLACEHOLDER)) {
    if (!Object.hasOwn(parts, match[1])) continue
    if (match.index > at) pieces.push(message.slice(at, match.index))
    pieces.push(parts[match[1]])
    at = match.index + match[0].length
  }
  if (at < message.length) pieces.push(message.slice(at))
  return pieces
}
