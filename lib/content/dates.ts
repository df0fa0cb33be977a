/**
 * The one date format. Dates without a time are stored as UTC midnight,
 * so they are shown in UTC to keep the day the author wrote.
 */
const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })

export function formatDate(iso: string): string {
  return longDate.format(new Date(iso))
}

export function formatMonth(iso: string): string {
  return monthYear.format(new Date(iso))
}
