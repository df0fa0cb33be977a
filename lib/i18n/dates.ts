/**
 * Dates in a document's language, by Intl: "5 March 2024", "5 Mawrth 2024",
 * "۱۵ اسفند ۱۴۰۲" (Persian's own calendar, as its readers expect). Dates
 * without a time are stored as UTC midnight, so they are shown in UTC to keep
 * the day the author wrote.
 */
const formats = new Map<string, Intl.DateTimeFormat>()

function formatFor(language: string, kind: 'day' | 'month'): Intl.DateTimeFormat {
  const key = `${kind} ${language}`
  let format = formats.get(key)
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'day' ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } : { month: 'long', year: 'numeric', timeZone: 'UTC' }
    formats.set(key, (format = new Intl.DateTimeFormat(language, options)))
  }
  return format
}

export function formatDateIn(iso: string, language: string): string {
  return formatFor(language, 'day').format(new Date(iso))
}

export function formatMonthIn(iso: string, language: string): string {
  return formatFor(language, 'month').format(new Date(iso))
}
