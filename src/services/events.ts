import { isLocalAddress } from '../domain/addresses'
import { newId } from '../domain/tokens'
import type { NewEvent, NewLinkEvent } from '../db/events'

export type EventType =
  | 'created'
  | 'link_created'
  | 'opened'
  | 'accepted'
  | 'credentials_failed'
  | 'credentials_submitted'
  | 'rejected'
  /** The client passed over one app of a several-apps link. */
  | 'skipped'
  | 'refreshed'
  | 'expired'
  | 'revoked'
  | 'locked'
  | 'deleted'
  | 'credentials_updated'
  | 'tokens_refreshed'
  | 'needs_reconnect'
  | 'account_mismatch'
  | 'provider_revoked'
  | 'provider_revoke_failed'
  /** The client revoked the access from their management page (src/services/client-grants.ts). */
  | 'client_revoked'
  /** A call through the credential proxy: method, path (query names only), status, duration; never bodies or headers. */
  | 'proxy_call'

export interface ClientMeta {
  ipCountry: string | null
  userAgent: string | null
}

/** No country for a local address: Cloudflare's geolocation of it is not the visitor's (locally it is a fixed "US"). */
export function clientMeta(request: Request): ClientMeta {
  const cf = (request as { cf?: { country?: unknown } }).cf
  const ip = request.headers.get('cf-connecting-ip')
  const country = typeof cf?.country === 'string' && !(ip && isLocalAddress(ip)) ? cf.country : null
  const userAgent = request.headers.get('user-agent')
  return { ipCountry: country, userAgent: userAgent ? userAgent.slice(0, 300) : null }
}

export function newEvent(fields: {
  workspaceId: string
  connectionId: string
  linkId?: string | null
  type: EventType
  actor: 'owner' | 'client' | 'system'
  at: number
  meta?: ClientMeta
  detail?: Record<string, unknown>
}): NewEvent {
  return {
    id: newId(),
    workspaceId: fields.workspaceId,
    connectionId: fields.connectionId,
    linkId: fields.linkId ?? null,
    type: fields.type,
    actor: fields.actor,
    at: fields.at,
    ipCountry: fields.meta?.ipCountry ?? null,
    userAgent: fields.meta?.userAgent ?? null,
    detail: fields.detail ? JSON.stringify(fields.detail) : null,
  }
}

export function newLinkEvent(fields: Parameters<typeof newEvent>[0] & { linkId: string }): NewLinkEvent {
  return { ...newEvent(fields), linkId: fields.linkId }
}
