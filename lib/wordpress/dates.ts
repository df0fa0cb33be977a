const ZERO_DATE = /^0000-00-00/

/** `2014-03-24 10:15:00` → `2014-03-24T10:15:00`, or undefined for WordPress's zero date. */
function isoLocal(value: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)$/.exec(value)
  if (!match || ZERO_DATE.test(value)) return undefined
  return `${match[1]}T${match[2].length === 5 ? `${match[2]}:00` : match[2]}`
}

/** The offset between local and GMT times, as `+01:00`, so the date keeps both its wall time and its instant. */
function offsetBetween(local: string, gmt: string): string {
  const minutes = Math.round((Date.parse(`${local}Z`) - Date.parse(`${gmt}Z`)) / 60000)
  if (minutes === 0) return 'Z'
  const sign = minutes < 0 ? '-' : '+'
  const absolute = Math.abs(minutes)
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`
}

/** A WordPress local/GMT pair as an ISO date with offset; local time as UTC when GMT is missing. */
export function wordpressDate(localValue: string, gmtValue: string): string | undefined {
  const local = isoLocal(localValue)
  if (!local) return undefined
  const gmt = isoLocal(gmtValue)
  return `${local}${gmt ? offsetBetween(local, gmt) : 'Z'}`
}
