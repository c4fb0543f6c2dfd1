import type { ConnectionStatus } from './badges'
/** A connection's health as the API reports it; derived, never stored (see healthOf). */
export const HEALTHS = ['ok', 'needs_reconnect', 'unknown'] as const
export type Health = (typeof HEALTHS)[number]

export const MINUTE_MS = 60_000
export const DAY_MS = 24 * 60 * MINUTE_MS
/** OAuth tokens are refreshed by the cron once fewer than this remain. */
export const REFRESH_AHEAD_MS = 10 * MINUTE_MS
/** The cron runs every 5 minutes: nothing is scheduled sooner than its next run. */
export const MIN_CHECK_GAP_MS = 5 * MINUTE_MS
/** How long a claimed check may take before another sweep may take the connection over. */
export const CHECK_LEASE_MS = 5 * MINUTE_MS
/** Retries after a timeout or an outage: 5 minutes doubling, at most 6 hours apart. */
export const RETRY_FIRST_MS = 5 * MINUTE_MS
export const RETRY_MAX_MS = 6 * 60 * MINUTE_MS

export interface HealthFacts {
  status: ConnectionStatus
  needsReconnect: boolean
  lastCheckedAt: number | null
  lastError: string | null
}

/** `ok` only when the app answered the latest check; a check that could not reach it leaves `unknown`. */
export function healthOf({ status, needsReconnect, lastCheckedAt, lastError }: HealthFacts): Health {
  if (status === 'active' && needsReconnect) return 'needs_reconnect'
  if (status === 'active' && lastCheckedAt !== null && lastError === null) return 'ok'
  return 'unknown'
}

export interface CheckSubject {
  oauth: boolean
  /** OAuth only. */
  hasRefreshToken?: boolean
  expiresAt?: number
}

/** What a due check does: renew the grant (which proves it is alive), or ask the app who the credentials belong to. */
export function checkKind(subject: CheckSubject): 'refresh' | 'verify' {
  return subject.oauth && subject.hasRefreshToken === true ? 'refresh' : 'verify'
}

/** FNV-1a: a stable, evenly spread number per connection id. */
function hash32(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0
  return hash
}

/**
 * The connection's own minute of the day, 12 to 36 hours ahead: daily checks of connections written at
 * the same moment (an import, a migration) spread over the whole day instead of all coming due together.
 */
export function dailySlot(connectionId: string, now: number): number {
  let at = Math.floor(now / DAY_MS) * DAY_MS + (hash32(connectionId) % DAY_MS)
  while (at < now + DAY_MS / 2) at += DAY_MS
  return at
}

/** After a write or a good check: before an OAuth token's expiry (less the margin), and at least daily. */
export function nextCheckAt(connectionId: string, subject: CheckSubject, now: number): number {
  const daily = dailySlot(connectionId, now)
  if (!subject.oauth || subject.expiresAt === undefined) return daily
  return Math.max(now + MIN_CHECK_GAP_MS, Math.min(subject.expiresAt - REFRESH_AHEAD_MS, daily))
}

/** After the `failures`-th transient failure in a row. */
export function retryAt(failures: number, now: number): number {
  return now + Math.min(RETRY_FIRST_MS * 2 ** Math.max(0, failures - 1), RETRY_MAX_MS)
}
