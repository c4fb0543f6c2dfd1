import type { ComponentChildren } from 'preact'
import { DEFAULT_LINK_MINUTES, MAX_FAILED_ATTEMPTS } from '../../../domain/links'
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

type Source = NonNullable<PublicConnection['credentialsSource']>

const SOURCE_WORDS: Record<Source, string> = {
  client_link: 'By the client, via link',
  owner_direct: 'By you, entering the credentials',
  owner_oauth: 'By you, signing in',
}
const SOURCE_SHORT: Record<Source, string> = {
  client_link: 'By the client',
  owner_direct: 'Entered by you',
  owner_oauth: 'Signed in by you',
}

/** How the current credentials came, in words; null for a connection that was never connected. */
export function credentialsSourceWords(connection: PublicConnection): string | null {
  return connection.credentialsSource ? SOURCE_WORDS[connection.credentialsSource] : null
}

/** The table's one short line under the badge: what the owner needs to know at a glance. Details live on the detail page. */
export function StatusLine({ view, now }: { view: ConnectionView; now: number }) {
  const { connection } = view
  const link = connection.link
  const line = (children: ComponentChildren) => <p class="status-line">{children}</p>
  switch (connection.badge) {
    case 'pending':
    case 'refresh_pending':
      return link?.status === 'pending'
        ? line(
            <>
              Link expires <Time at={link.expiresAt} now={now} />
            </>,
          )
        : line('No open link')
    case 'expired':
      return link
        ? line(
            <>
              Link expired <Time at={link.expiresAt} now={now} />
            </>,
          )
        : null
    case 'locked':
      return line(`${MAX_FAILED_ATTEMPTS} wrong keys`)
    case 'rejected':
      return line(view.rejectReason ? 'Declined, with a reason' : 'Declined by the client')
    case 'revoked_by_client':
      return line('Access revoked by the client; credentials deleted')
    case 'needs_reconnect':
      return link?.status === 'pending' && link.purpose === 'refresh'
        ? line(
            <>
              Reconnect link expires <Time at={link.expiresAt} now={now} />
            </>,
          )
        : line('Refused by the app')
    default: {
      const { credentialsSource: source, credentialsUpdatedAt: at } = connection
      if (!source || !at) return null
      // The Last update column already shows the time when nothing changed since the credentials did.
      return at === connection.updatedAt
        ? line(SOURCE_SHORT[source])
        : line(
            <>
              {SOURCE_SHORT[source]} · <Time at={at} now={now} />
            </>,
          )
    }
  }
}

/** Posts a new link with the default lifetime; the link page offers the other lifetimes. */
export function RefreshCredentialsButton({
  connectionId,
  label,
  text = 'Refresh credentials',
}: {
  connectionId: string
  label?: string
  text?: string
}) {
  return (
    <form method="post" action={connectionHref(connectionId, '/link')}>
      <input type="hidden" name="expiresInMinutes" value={String(DEFAULT_LINK_MINUTES)} />
      <button type="submit" class={buttonClass('secondary')}>
        <Refresh size={16} />
        {text}
        {label ? <span class="visually-hidden">{` for ${label}`}</span> : null}
      </button>
    </form>
  )
}

/**
 * The link's state in words on the detail page: when the open link expires, or what happened to
 * it and what to do next. A used link needs nothing from the owner, so it says nothing here.
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
      {view.rejectReason ? <p class="small">{`Reason: “${view.rejectReason}”`}</p> : null}
      <RefreshCredentialsButton connectionId={connection.id} label={connection.name} />
    </>
  )
}
