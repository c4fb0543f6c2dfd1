import type { LinkPurpose } from './links'

export type Badge = 'pending' | 'via_link' | 'refresh_pending' | 'rejected'
export type ConnectionStatus = 'pending' | 'active' | 'rejected'

export interface BadgeInput {
  status: ConnectionStatus
  via: 'direct' | 'link'
  /** Purpose of the connection's open link, if one is open right now. */
  openLinkPurpose: LinkPurpose | null
}

/** The one place badges are derived (docs/ARCHITECTURE.md, "Badges"); never stored. */
export function badgeFor({ status, via, openLinkPurpose }: BadgeInput): Badge | null {
  if (status === 'rejected') return 'rejected'
  if (status === 'pending') return 'pending'
  if (openLinkPurpose === 'refresh') return 'refresh_pending'
  return via === 'link' ? 'via_link' : null
}
