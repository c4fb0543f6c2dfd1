import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import { FALLBACK_TIME_ZONE, formatTime } from '../../domain/format-time'
import { LocaleContext } from '../locale'

export type Instant = Date | number | string
export type TimeMode = 'datetime' | 'date'

function toDate(at: Instant): Date {
  return at instanceof Date ? at : new Date(at)
}

const UNITS: [limitSeconds: number, seconds: number, name: string][] = [
  [3600, 60, 'minute'],
  [86400, 3600, 'hour'],
  [86400 * 30, 86400, 'day'],
]

/** "in 2 days", "5 minutes ago", "just now"; null beyond a month, where a date reads better. */
export function formatRelative(at: Instant, now: Instant): string | null {
  const diff = (toDate(at).getTime() - toDate(now).getTime()) / 1000
  const abs = Math.abs(diff)
  if (abs < 45) return 'just now'
  for (const [limit, seconds, name] of UNITS) {
    if (abs >= limit) continue
    const n = Math.max(1, Math.round(abs / seconds))
    const phrase = `${n} ${name}${n === 1 ? '' : 's'}`
    return diff > 0 ? `in ${phrase}` : `${phrase} ago`
  }
  return null
}

/** The viewer's zone, provided once per page by renderPage so that every <Time> below reads it. */
export const TimeZoneContext = createContext<string>(FALLBACK_TIME_ZONE)

export interface TimeProps {
  at: Instant
  mode?: TimeMode
  /** Pass the request's time to get relative wording; the exact time stays in the tooltip. */
  now?: Instant
}

export function Time({ at, mode = 'datetime', now }: TimeProps) {
  const absolute = formatTime(at, useContext(TimeZoneContext), mode, useContext(LocaleContext))
  const relative = now === undefined ? null : formatRelative(at, now)
  return (
    <time datetime={toDate(at).toISOString()} title={relative ? absolute : undefined}>
      {relative ?? absolute}
    </time>
  )
}
