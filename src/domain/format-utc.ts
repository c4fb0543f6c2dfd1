const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad = (n: number) => String(n).padStart(2, '0')

/** "27 Nov 2026, 14:05 UTC" or, in date mode, "27 Nov 2026": the same text for every reader. */
export function formatUtc(at: Date | number | string, mode: 'datetime' | 'date' = 'datetime'): string {
  const d = at instanceof Date ? at : new Date(at)
  const date = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`
  return mode === 'date' ? date : `${date}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`
}
