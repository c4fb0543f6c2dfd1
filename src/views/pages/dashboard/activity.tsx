import { Time } from '../../components/time'
import type { PublicEvent } from '../../../domain/shapes'
import { describeUserAgent } from '../../../domain/user-agent'

const WORDS: Record<string, string> = {
  created: 'Connection created',
  link_created: 'Link created',
  opened: 'Link opened',
  accepted: 'Request accepted',
  credentials_submitted: 'Credentials submitted',
  credentials_failed: 'Credentials failed verification',
  rejected: 'Request rejected',
  refreshed: 'New link generated (Refresh credentials)',
  expired: 'Link expired',
  revoked: 'Link revoked',
  locked: 'Link locked after too many failed attempts',
  deleted: 'Connection deleted',
  credentials_updated: 'Credentials updated',
  tokens_refreshed: 'Access token renewed',
  needs_reconnect: 'Credentials stopped working; reconnect needed',
  account_mismatch: 'Refused: credentials of a different account',
  provider_revoked: 'Access revoked at the provider',
  provider_revoke_failed: 'Could not revoke access at the provider',
  proxy_call: 'API call through the proxy',
  client_revoked: 'Access revoked by the client; credentials deleted',
}

const ACTORS: Record<PublicEvent['actor'], string> = { owner: 'You', client: 'Client', system: 'Tether' }

export function eventWords(type: string): string {
  return WORDS[type] ?? type.replaceAll('_', ' ')
}

/** One line of what the event's detail adds: the client's reason, the account, the link's expiry. */
function detailLine(event: PublicEvent): string | null {
  const detail = event.detail ?? {}
  if (typeof detail.reason === 'string') return `Reason: “${detail.reason}”`
  if (typeof detail.previousAccount === 'string' && typeof detail.account === 'string')
    return `Account: ${detail.previousAccount} → ${detail.account}`
  if (typeof detail.account === 'string') return `Account: ${detail.account}`
  if (detail.via === 'link') return 'Via link, waiting for the client'
  if (typeof detail.method === 'string' && typeof detail.path === 'string')
    return `${detail.method} ${detail.path} → ${String(detail.status ?? 'no answer')} in ${String(detail.durationMs)} ms`
  return null
}

export function ActivityTimeline({ events }: { events: PublicEvent[] }) {
  if (events.length === 0) return <p class="muted">No activity yet.</p>
  return (
    <ol class="timeline">
      {events.map((event) => {
        const detail = detailLine(event)
        const client = [event.ipCountry && `from ${event.ipCountry}`, describeUserAgent(event.userAgent)].filter(Boolean).join(' · ')
        return (
          <li>
            <p>
              <strong>{eventWords(event.type)}</strong> <span class="muted">by {ACTORS[event.actor]}</span>
            </p>
            <p class="small muted">
              <Time at={event.at} />
            </p>
            {detail ? <p class="small">{detail}</p> : null}
            {event.actor === 'client' && client ? (
              <p class="small muted" title={event.userAgent ?? undefined}>
                {client}
              </p>
            ) : null}
          </li>
        )
      })}
    </ol>
  )
}
