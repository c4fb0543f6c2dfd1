import type { LinkPurpose, LinkStatus } from './links'

export const BADGES = [
  'pending',
  'via_link',
  'refresh_pending',
  'rejected',
  'expired',
  'locked',
  'needs_reconnect',
  'revoked_by_client',
] as const
export type Badge = (typeof BADGES)[number]
/** `revoked`: the client took their access back from their management page; the credentials are gone. */
export type ConnectionStatus = 'pending' | 'active' | 'rejected' | 'revoked'
/** How a connection's current credentials came: the client through a link, or the owner typing them or signing in. */
export type CredentialsSource = 'client_link' | 'owner_direct' | 'owner_oauth'

export interface BadgeInput {
  status: ConnectionStatus
  credentialsSource: CredentialsSource | null
  /** The app refused the credentials (src/services/health). */
  needsReconnect: boolean
  /** The connection's most recent link with its effective status (a pending link past its expiry is `expired`). */
  latestLink: { purpose: LinkPurpose; status: LinkStatus } | null
}

/**
 * The one place badges are derived (docs/ARCHITECTURE.md, "Badges"); never stored. The table's
 * badge filter is the same rule in SQL (`badgeSql` in src/db/connection-pages.ts), held to this one by tests.
 */
export function badgeFor({ status, credentialsSource, needsReconnect, latestLink }: BadgeInput): Badge | null {
  if (status === 'rejected') return 'rejected'
  if (status === 'revoked') return 'revoked_by_client'
  if (status === 'pending') {
    if (latestLink?.status === 'expired') return 'expired'
    if (latestLink?.status === 'locked') return 'locked'
    return 'pending'
  }
  // Above refresh_pending: while the reconnect link is out the connection still does not work, and that is what
  // the owner must see; the table's status line says the link is out and when it expires.
  if (needsReconnect) return 'needs_reconnect'
  if (latestLink?.status === 'pending' && latestLink.purpose === 'refresh') return 'refresh_pending'
  return credentialsSource === 'client_link' ? 'via_link' : null
}

/** A connection a workflow step can run with. */
export const isUsable = (status: ConnectionStatus) => status === 'active'
