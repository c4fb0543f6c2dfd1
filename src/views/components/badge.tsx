import type { FunctionComponent } from 'preact'
import { Check, Clock, Close, Hourglass, Link, Lock, Refresh, Warning, type IconProps } from './icons'

export type BadgeKind =
  | 'pending'
  | 'via_link'
  | 'refresh_pending'
  | 'rejected'
  | 'expired'
  | 'locked'
  | 'active'
  | 'needs_reconnect'
  | 'revoked_by_client'

interface BadgeSpec {
  text: string
  /** Completes the visible text for screen readers and the tooltip; two badges read "Pending". */
  detail: string
  Icon: FunctionComponent<IconProps>
}

const BADGES: Record<BadgeKind, BadgeSpec> = {
  pending: { text: 'Pending', detail: 'waiting for the client to accept the link', Icon: Hourglass },
  via_link: { text: 'Via Link', detail: 'connected by the client through a shared link', Icon: Link },
  refresh_pending: { text: 'Pending', detail: 'credential refresh in progress; current credentials still work', Icon: Refresh },
  rejected: { text: 'Rejected', detail: 'the client declined the connection request', Icon: Close },
  expired: { text: 'Expired', detail: 'the link expired before the client used it', Icon: Clock },
  locked: { text: 'Locked', detail: 'the link locked after too many wrong keys', Icon: Lock },
  active: { text: 'Connected', detail: 'credentials verified and ready to use', Icon: Check },
  needs_reconnect: { text: 'Needs reconnect', detail: 'the app refused the credentials; send the client a reconnect link', Icon: Warning },
  revoked_by_client: { text: 'Revoked by client', detail: 'the client revoked the access; send a new link to reconnect', Icon: Close },
}

/** Short visible text, e.g. for an `<option>` where markup is not allowed. */
export function badgeText(badge: BadgeKind): string {
  return BADGES[badge].text
}

/** Full, unambiguous wording: "Pending: credential refresh in progress; …". */
export function badgeLabel(badge: BadgeKind): string {
  const { text, detail } = BADGES[badge]
  return `${text}: ${detail}`
}

export function Badge({ badge }: { badge: BadgeKind }) {
  const { text, detail, Icon } = BADGES[badge]
  return (
    <span class={`badge badge-${badge}`} title={badgeLabel(badge)}>
      <Icon size={14} />
      {text}
      <span class="visually-hidden">{`: ${detail}`}</span>
    </span>
  )
}
