import { FALLBACK_TIME_ZONE, formatTime } from './format-time'

/** Link lifetimes and states. Pure: the caller passes `now`. */

export const DEFAULT_LINK_MINUTES = 48 * 60
export const MIN_LINK_MINUTES = 1
export const MAX_LINK_MINUTES = 7 * 24 * 60
/** Wrong credentials a link accepts before it locks, so it cannot be used to test stolen keys. */
export const MAX_FAILED_ATTEMPTS = 10
/** From this many refusals on, the form tells the client how many attempts remain. */
export const ATTEMPTS_SHOWN_FROM = 5
/** KV refuses shorter TTLs; the snapshot's own expiresAt still decides. */
const KV_MIN_TTL_SECONDS = 60

export const INVALID_LINK_MESSAGE =
  'This connection link is invalid, has already been used, or has expired. Please contact your requester to get a new link.'

export const LOCKED_LINK_MESSAGE = 'This link is locked after too many wrong keys. Please contact your requester to get a new link.'

/** How many attempts the form should say remain, or null while there is no need to say it. */
export function attemptsLeftToShow(failedAttempts: number): number | null {
  return failedAttempts >= ATTEMPTS_SHOWN_FROM ? Math.max(0, MAX_FAILED_ATTEMPTS - failedAttempts) : null
}

/** `skipped`: the client passed over one app of a several-apps link; its connection stays pending. */
export type LinkStatus = 'pending' | 'used' | 'rejected' | 'skipped' | 'revoked' | 'expired' | 'locked'
export type LinkPurpose = 'create' | 'refresh'

export interface LinkState {
  status: LinkStatus
  expiresAt: number
}

/** A pending link past its expiry is expired whether or not the cron has marked it yet. */
export function effectiveLinkStatus(link: LinkState, now: number): LinkStatus {
  return link.status === 'pending' && link.expiresAt <= now ? 'expired' : link.status
}

export function isLinkOpen(link: LinkState, now: number): boolean {
  return effectiveLinkStatus(link, now) === 'pending'
}

export function linkExpiresAt(now: number, minutes = DEFAULT_LINK_MINUTES): number {
  return now + minutes * 60_000
}

export function kvTtlSeconds(expiresAt: number, now: number): number {
  return Math.max(KV_MIN_TTL_SECONDS, Math.ceil((expiresAt - now) / 1000))
}

/** What the owner reads about a link that can no longer be used (null while it is open). */
export function ownerLinkMessage(link: LinkState & { purpose: LinkPurpose }, now: number, timeZone = FALLBACK_TIME_ZONE): string | null {
  switch (effectiveLinkStatus(link, now)) {
    case 'expired':
      return `This connection link expired on ${formatTime(link.expiresAt, timeZone)}. Click Refresh credentials to generate a new link.`
    case 'locked':
      return (
        `This link was locked after ${MAX_FAILED_ATTEMPTS} failed credential attempts. ` +
        'Click Refresh credentials to generate a new link.'
      )
    case 'revoked':
      return 'This link was revoked. Click Refresh credentials to generate a new link.'
    case 'rejected':
      return link.purpose === 'refresh'
        ? 'The client declined to refresh the credentials. The current credentials still work.'
        : 'The client rejected this connection request. Click Refresh credentials to send a new link.'
    case 'skipped':
      return 'The client skipped this app in a several-apps link. Click Refresh credentials to send a new link.'
    case 'used':
      return link.purpose === 'refresh' ? 'The client refreshed the credentials.' : 'The client connected their account.'
    case 'pending':
      return null
  }
}

/**
 * A closed link's notice ("The client declined to refresh…") stands until newer credentials
 * replace what it reports; the link that brought the current credentials keeps its own.
 */
export function isLinkNoticeSuperseded(
  link: { id: string; closedAt: number | null },
  credentials: { updatedAt: number | null; updatedBy: string | null },
): boolean {
  if (link.closedAt === null || credentials.updatedAt === null || credentials.updatedBy === link.id) return false
  return credentials.updatedAt >= link.closedAt
}
