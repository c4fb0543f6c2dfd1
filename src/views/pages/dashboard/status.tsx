import { DEFAULT_LINK_MINUTES } from '../../../domain/links'
import { Badge, type BadgeKind } from '../../components/badge'
import { buttonClass } from '../../components/form'
import { Refresh } from '../../components/icons'
import { Time } from '../../components/time'
import { connectionHref } from './paths'
import type { ConnectionView } from './types'
import type { PublicConnection } from '../../../domain/shapes'

/** The derived badge; a direct, working connection reads "Connected". */
export function badgesOf(connection: PublicConnection): BadgeKind[] {
  const badges: BadgeKind[] = []
  const main = connection.badge ?? (connection.status === 'active' ? 'active' : null)
  if (main) badges.push(main)
  if (connection.needsReconnect) badges.push('needs_reconnect')
  return badges
}

export function StatusBadges({ connection }: { connection: PublicConnection }) {
  return (
    <span class="row">
      {badgesOf(connection).map((badge) => (
        <Badge badge={badge} />
      ))}
    </span>
  )
}

/** Posts a new link with the default lifetime; the link page offers the other lifetimes. */
export function RefreshCredentialsButton({ connectionId, label }: { connectionId: string; label?: string }) {
  return (
    <form method="post" action={connectionHref(connectionId, '/link')}>
      <input type="hidden" name="expiresInMinutes" value={String(DEFAULT_LINK_MINUTES)} />
      <button type="submit" class={buttonClass('secondary')}>
        <Refresh size={16} />
        Refresh credentials
        {label ? <span class="visually-hidden">{` for ${label}`}</span> : null}
      </button>
    </form>
  )
}

/**
 * The link's state in words: when the open link expires, or what happened to it and what to
 * do next. A used link needs nothing from the owner, so it says nothing here.
 */
export function LinkStateNote({ view, now }: { view: ConnectionView; now: number }) {
  const { connection, linkMessage } = view
  const link = connection.link
  if (!link) return null
  if (link.status === 'pending') {
    return (
      <p class="small muted">
        Link expires <Time at={link.expiresAt} now={now} />
      </p>
    )
  }
  if (!linkMessage || link.status === 'used') return null
  return (
    <>
      <p class="small">{linkMessage}</p>
      <RefreshCredentialsButton connectionId={connection.id} label={connection.name} />
    </>
  )
}
