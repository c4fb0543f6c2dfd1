import { badgeFor } from '../domain/badges'
import { healthOf } from '../domain/health'
import { effectiveLinkStatus, ownerLinkMessage } from '../domain/links'
import type { PublicConnection, PublicEvent, PublicLink, PublicLinkRequest, PublicLinkSummary } from '../domain/shapes'
import type { ConnectionWithLink } from '../db/connections'
import type { LinkRequestRow } from '../db/link-requests'
import type { ConnectionRow, LinkRow } from '../db/connections'
import type { EventRow } from '../db/events'

/** The only mappers from rows to what leaves the worker: secrets are never copied. */

export const iso = (at: number) => new Date(at).toISOString()

export function publicLinkSummary(link: LinkRow, now: number): PublicLinkSummary {
  return { status: effectiveLinkStatus(link, now), purpose: link.purpose, expiresAt: iso(link.expiresAt) }
}

export function publicConnection(connection: ConnectionRow, link: LinkRow | null, now: number): PublicConnection {
  const latestLink = link ? { purpose: link.purpose, status: effectiveLinkStatus(link, now) } : null
  return {
    id: connection.id,
    appId: connection.appId,
    name: connection.name,
    status: connection.status,
    via: connection.via,
    badge: badgeFor({
      status: connection.status,
      credentialsSource: connection.credentialsSource,
      needsReconnect: connection.needsReconnect,
      latestLink,
    }),
    accountLabel: connection.accountLabel,
    metadata: connection.metadata ?? {},
    needsReconnect: connection.needsReconnect,
    health: healthOf(connection),
    lastCheckedAt: connection.lastCheckedAt === null ? null : iso(connection.lastCheckedAt),
    lastError: connection.lastError,
    credentialsSource: connection.credentialsSource,
    credentialsUpdatedAt: connection.credentialsUpdatedAt === null ? null : iso(connection.credentialsUpdatedAt),
    createdAt: iso(connection.createdAt),
    updatedAt: iso(connection.updatedAt),
    link: link ? publicLinkSummary(link, now) : null,
  }
}

export function publicLink(link: LinkRow, url: string | null, now: number): PublicLink {
  const summary = publicLinkSummary(link, now)
  const message = ownerLinkMessage(link, now)
  return { ...(url && summary.status === 'pending' ? { url } : {}), ...summary, ...(message ? { message } : {}) }
}

export function publicEvent(event: EventRow): PublicEvent {
  return {
    id: event.id,
    type: event.type,
    actor: event.actor,
    at: iso(event.at),
    ipCountry: event.ipCountry,
    userAgent: event.userAgent,
    detail: event.detail ? (JSON.parse(event.detail) as Record<string, unknown>) : null,
  }
}

export function publicLinkRequest(
  view: { request: LinkRequestRow; url: string | null; items: ConnectionWithLink[] },
  now: number,
): PublicLinkRequest {
  return {
    id: view.request.id,
    url: view.url,
    expiresAt: iso(view.request.expiresAt),
    createdAt: iso(view.request.createdAt),
    items: view.items.map((item) => ({ connection: publicConnection(item.connection, item.link, now) })),
  }
}
