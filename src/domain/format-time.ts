import { DEFAULT_LOCALE, type Locale } from './locales'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

export const FALLBACK_TIME_ZONE = 'UTC'
const TIME_ZONE_MAX = 64

/** One formatter per zone and isolate: building an Intl.DateTimeFormat costs far more than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** Other languages' formatters, per language, mode and zone: the month names and order are the language's own. */
const localeFormatters = new Map<string, Intl.DateTimeFormat>()

function localeFormatterFor(locale: Locale, timeZone: string, mode: 'datetime' | 'date'): Intl.DateTimeFormat {
  const key = `${locale} ${mode} ${timeZone}`
  let formatter = localeFormatters.get(key)
  if (!formatter) {
    const style: Intl.DateTimeFormatOptions = mode === 'date' ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' }
    formatter = new Intl.DateTimeFormat(locale, { timeZone, ...style })
    localeFormatters.set(key, formatter)
  }
  return formatter
}

/** Zones resolved so far in this isolate: Intl's check builds a formatter, which costs more than the page around it. */
const resolvedZones = new Map<string, string>()
const RESOLVED_ZONES_MAX = 1_000

/** The IANA name as Intl spells it (`europe/berlin` → `Europe/Berlin`), or UTC for anything Intl does not know. */
export function resolveTimeZone(zone: unknown): string {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > TIME_ZONE_MAX) return FALLBACK_TIME_ZONE
  const known = resolvedZones.get(zone)
  if (known) return known
  let resolved: string
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone
  } catch {
    resolved = FALLBACK_TIME_ZONE
  }
  if (resolvedZones.size < RESOLVED_ZONES_MAX) resolvedZones.set(zone, resolved)
  return resolved
}

/**
 * "1 Dec 2026, 14:05 (Europe/Berlin)", or in date mode "1 Dec 2026" (the day in that zone). In English the month
 * names are our own, so the text does not move with the runtime's locale data ("Sep" vs "Sept"); other languages
 * take Intl's medium style ("01.12.2026, 14:05 (Europe/Berlin)", "2026/12/01 14:05 (Asia/Tokyo)").
 */
export function formatTime(
  at: Date | number | string,
  timeZone: string,
  mode: 'datetime' | 'date' = 'datetime',
  locale: Locale = DEFAULT_LOCALE,
): string {
  const d = at instanceof Date ? at : new Date(at)
  if (locale !== DEFAULT_LOCALE) {
    const text = localeFormatterFor(locale, timeZone, mode).format(d)
    return mode === 'date' ? text : `${text} (${timeZone})`
  }
  const parts: Record<string, string> = {}
  for (const part of formatterFor(timeZone).formatToParts(d)) parts[part.type] = part.value
  const date = `${Number(parts.day)} ${MONTHS[Number(parts.month) - 1]} ${parts.year}`
  return mode === 'date' ? date : `${date}, ${parts.hour}:${parts.minute} (${timeZone})`
}
